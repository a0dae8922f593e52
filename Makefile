# Shortcuts for those who have make; ./dev.sh does the work (and installs make's absence away).
.PHONY: setup demo test bench bundle screenshots lint
setup demo test bench bundle:
	./dev.sh $@
screenshots:
	./dev.sh setup && .venv/bin/kiosk screenshots --out screenshots
lint:
	./dev.sh setup && .venv/bin/ruff check . && .venv/bin/lint-imports
