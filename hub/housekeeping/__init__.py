"""The hub's own work in the background: periodic jobs (their last runs) and retention."""
