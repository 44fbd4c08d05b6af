"""A throwaway kind of case that exists only in the test suite: it proves that an app plugs into the
core through the registry alone (see tests/helpdesk/test_kind_registry.py)."""
