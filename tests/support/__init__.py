"""Test support shared by every test tier: the local Anthropic-compatible server and its fixtures."""
