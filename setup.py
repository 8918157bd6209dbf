"""Package layout only (everything else is in pyproject.toml): the repository keeps vsr/, ui/ and
resources/ side by side, and the wheel installs them as vsr, vsr.ui and vsr.resources, so vsr
never puts a top-level `ui` or `resources` into anyone's site-packages."""

from setuptools import find_packages, setup

# Installed name -> folder in the repository.
NAMESPACED = {"vsr.ui": "ui", "vsr.resources": "resources"}


def _packages() -> list[str]:
    found = find_packages(include=["vsr", "vsr.*"])
    for name, folder in NAMESPACED.items():
        found.append(name)
        found += [f"{name}.{sub}" for sub in find_packages(folder)]
    return found


setup(packages=_packages(), package_dir={"vsr": "vsr", **NAMESPACED})
