"""Qt front end (PySide6). The only package that imports Qt."""
