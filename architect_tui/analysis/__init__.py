"""Static Flask reader: project files -> ProjectMap. Never imports or runs the user's code."""
