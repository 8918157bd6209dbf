"""Package layout only (everything else is in pyproject.toml): the repository keeps vsr/, ui/ and
resources/ side by side, and the wheel installs them as vsr, vsr.ui and vsr.resources, so vsr
never puts a top-level `ui` or `resources` into anyone's site-packages.

The folders of resources/ hold data, not code (no __init__.py), yet each is a package to
setuptools: listed as namespace packages, so the build does not warn once per folder that a
folder with package data is absent from `packages`."""

from setuptools import find_namespace_packages, find_packages, setup

# Installed name -> folder in the repository.
NAMESPACED = {"vsr.ui": "ui", "vsr.resources": "resources"}
DATA_ONLY = {"vsr.resources"}


def _packages() -> list[str]:
    found = find_packages(include=["vsr", "vsr.*"])
    for name, folder in NAMESPACED.items():
        found.append(name)
        subs = (find_namespace_packages(folder, exclude=["*__pycache__*"])
                if name in DATA_ONLY else find_packages(folder))
        found += [f"{name}.{sub}" for sub in subs]
    return found


if __name__ == "__main__":  # the build backend runs it so; a test reads _packages()
    setup(packages=_packages(), package_dir={"vsr": "vsr", **NAMESPACED})
