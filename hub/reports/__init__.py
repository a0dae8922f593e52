"""The monthly anonymous activity report: counts per service, theme, operator and site."""
