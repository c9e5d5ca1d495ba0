# The two commands a new user needs: `make campaign` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help prereqs build test campaign quick arlen format format-check bench clean

help:
	@echo "make campaign   install what is missing, then run the default campaign (protocols/default.json)"
	@echo "make quick      the same campaign in quick (smoke) mode"
	@echo "make test       install what is missing, build, run every test"
	@echo "make format     apply dotnet format; make format-check verifies it"
	@echo "make bench      the load engine against wrk (bench/load-vs-wrk.sh)"
	@echo "make arlen      build Arlen (boomhauer) and its GNUstep toolchain, cached (FACEOFF_SOURCES=dir of archives, else git clones)"

prereqs:
	@scripts/install-prereqs.sh

build:
	dotnet build Faceoff.slnx -c Release -nologo -v:q

test: prereqs
	@scripts/test.sh

campaign: prereqs
	./faceoff run protocols/default.json

quick: prereqs
	./faceoff run protocols/default.json --quick

format:
	dotnet format Faceoff.slnx

format-check:
	dotnet format Faceoff.slnx --verify-no-changes

bench:
	bench/load-vs-wrk.sh

arlen:
	@scripts/arlen/build.sh

clean:
	rm -rf .faceoff build
	find src tests apps -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
