#!/usr/bin/env python3
"""Writes data/word_frequencies.toml: the 10,000 most frequent words of
Arabic, French and English with their Zipf frequency (log10 of the word's
frequency per billion words), from the `wordfreq` package's shipped data
(wordfreq 3.1.1 on PyPI; its word lists are CC BY-SA 4.0, built from
Wikipedia, subtitles, news, books, web text and social media: see the
package's README). factdiff reads them as background word weights for
grouping (src/group/weights.rs), so that how much a shared word counts
never depends on the folder being compared.

Usage:
    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install wordfreq==3.1.1
    /tmp/wf/bin/python scripts/gen_word_weights.py > data/word_frequencies.toml
"""
import wordfreq

N = 10000


def main():
    print("# Background word frequencies for grouping (src/group/weights.rs).")
    print("# The 10,000 most frequent words of Arabic, French and English with their")
    print("# Zipf frequency (log10 of occurrences per billion words), one per line")
    print("# as `word zipf`. Source: the wordfreq package 3.1.1 (PyPI), whose word")
    print("# lists are CC BY-SA 4.0 (Wikipedia, subtitles, news, books, web, social")
    print("# media). Made by scripts/gen_word_weights.py; facts only (a word's")
    print("# frequency), rounded to two decimals. A word's weight in grouping falls")
    print("# as its frequency rises; words not listed are rare and weigh most.")
    for lang in ("ar", "fr", "en"):
        print()
        print(f"[{lang}]")
        print('words = """')
        for w in wordfreq.top_n_list(lang, N):
            if any(c in w for c in '"\\ \t\n'):
                continue
            print(f"{w} {wordfreq.zipf_frequency(w, lang):.2f}")
        print('"""')


if __name__ == "__main__":
    main()
