"""Tests of biwaq_extract/steward (a package so its module names do not collide with tests/cli)."""
