# The two commands: `make run` and `make test`. Both set up what they need.
# Others: `make index`, `make eval` (dev set), `make eval-all` (every set),
# `make peer` (faqbot beside nlp.js), `make bench`, `make format`, `make clean`.

BUILD ?= build
INDEX ?= var/index
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
BENCH_BUILD ?= build-release
BENCH_INDEX ?= var/index-bench

.PHONY: all setup configure build index run test eval eval-all peer bench format clean

all: build

setup:
	@scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) > /dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

index: build
	@$(BUILD)/index/faqbot-index --corpus corpus --intents intents --out $(INDEX)

# Serves on http://127.0.0.1:8080; HOST and PORT change it. Ctrl-C stops.
run: index
	@exec $(BUILD)/server/faqbot-server --index $(INDEX)

test: build
	@ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

eval: index
	@python3 scripts/eval.py --server $(BUILD)/server/faqbot-server --index $(INDEX) --sets dev

eval-all: index
	@python3 scripts/eval.py --server $(BUILD)/server/faqbot-server --index $(INDEX) --sets all

# faqbot and an nlp.js peer trained on the same intents/, side by side on the
# same sets (bench/peer/; needs node and npm). README "Compared with nlp.js".
peer: index
	@BUILD=$(BUILD) INDEX=$(INDEX) PEER_NO_BUILD=1 python3 bench/peer/compare.py

# Every benchmark, from a Release build in $(BENCH_BUILD) (about 10 minutes);
# README "Benchmarks" says what each measures.
bench: setup
	@cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DFAQBOT_BUILD_TESTS=OFF > /dev/null
	@cmake --build $(BENCH_BUILD) -j$(JOBS)
	@$(BENCH_BUILD)/index/faqbot-index --corpus corpus --intents intents --out $(BENCH_INDEX) > /dev/null
	@bench/run_all.sh $(BENCH_BUILD) $(BENCH_INDEX)

format:
	@git ls-files '*.cc' '*.h' | xargs -r clang-format -i

clean:
	rm -rf $(BUILD) $(INDEX)
