"""`./dev.sh bench`: each figure against a baseline measured in the same run, as a ratio."""
