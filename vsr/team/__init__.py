"""The team library: reviews shared across an organisation on its own PostgreSQL, with consent,
retention and withdrawal enforced in the database, media encrypted per recording in the
organisation's own media store, and a log of every read and change. See docs/team.md."""
