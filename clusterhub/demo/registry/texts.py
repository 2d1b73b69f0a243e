"""Cluster names and descriptions in the native languages, with English renderings."""

from __future__ import annotations

import random

from clusterhub.demo.registry.common import LANGUAGE
from clusterhub.demo.registry.model import Region, Topic

_SMALL = {"i", "a", "e", "und", "di", "del", "della", "dell'", "z", "w"}


def _title(phrase: str) -> str:
    """Capitalise each word and hyphenated part except short function words (Polish names)."""

    def cap(word: str) -> str:
        return word if word in _SMALL else word[:1].upper() + word[1:]

    return " ".join("-".join(cap(part) for part in w.split("-")) for w in phrase.split())


def name_options(reg: Region, top: Topic) -> list[tuple[str, str]]:
    """Candidate (native name, English name) pairs for a cluster of `top` in `reg`."""
    lang = LANGUAGE[reg.country]
    adj, phrase = top.word(lang)
    en = top.word("en")[0]
    ra, ca, city = reg.reg_adj, reg.city_adj, reg.city
    re_, ce = reg.reg_en, reg.city_en
    out: list[tuple[str, str]] = []
    if lang in ("cs", "sk"):
        noun, inov = ("klastr", "inovační") if lang == "cs" else ("klaster", "inovačný")
        if adj:
            out.append((f"{ra} {adj} {noun}", f"{re_} {en} Cluster"))
            out.append((f"{ca} {adj} {noun}", f"{ce} {en} Cluster"))
        out.append((f"{noun.capitalize()} {phrase} {city}", f"{en} Cluster {ce}"))
        out.append((f"{ra} {inov} {noun} {phrase}", f"{re_} {en} Innovation Cluster"))
        out.append((f"{ra} {noun} {phrase}", f"{re_} {en} Cluster"))
        out.append((f"{ca} {noun} {phrase}", f"{ce} {en} Cluster"))
        if adj:
            national = "Národní" if lang == "cs" else "Národný"
            out.append((f"{national} {adj} {noun}", f"National {en} Cluster"))
    elif lang == "pl":
        if adj:
            out.append((f"{ra} Klaster {_title(adj)}", f"{re_} {en} Cluster"))
            out.append((f"{ca} Klaster {_title(adj)}", f"{ce} {en} Cluster"))
        out.append((f"{ra} Klaster {_title(phrase)}", f"{re_} {en} Cluster"))
        out.append((f"{ca} Klaster {_title(phrase)}", f"{ce} {en} Cluster"))
        out.append((f"Polski Klaster {_title(phrase)}", f"Polish {en} Cluster"))
        out.append(
            (f"Klaster Innowacyjny {_title(phrase)} {city}", f"{en} Innovation Cluster {ce}")
        )
    elif lang == "sl":
        if adj:
            out.append((f"{ra} {adj} grozd", f"{re_} {en} Cluster"))
            out.append((f"{ca} {adj} grozd", f"{ce} {en} Cluster"))
            out.append((f"Slovenski {adj} grozd", f"Slovenian {en} Cluster"))
        out.append((f"{ra} grozd {phrase}", f"{re_} {en} Cluster"))
        out.append((f"Grozd {phrase} {city}", f"{en} Cluster {ce}"))
        out.append((f"Slovenski grozd {phrase}", f"Slovenian {en} Cluster"))
        out.append((f"{ca} grozd {phrase}", f"{ce} {en} Cluster"))
    elif lang == "hu":
        out.append((f"{ra} {adj} Klaszter", f"{re_} {en} Cluster"))
        out.append((f"{ca} {adj} Klaszter", f"{ce} {en} Cluster"))
        if "innov" not in adj.lower():
            out.append((f"{ra} {adj} Innovációs Klaszter", f"{re_} {en} Innovation Cluster"))
            out.append((f"{ca} {adj} Innovációs Klaszter", f"{ce} {en} Innovation Cluster"))
        out.append((f"Nemzeti {adj} Klaszter", f"National {en} Cluster"))
        out.append((f"{ra} {adj} Klaszter Egyesület", f"{re_} {en} Cluster Association"))
    elif lang == "de":
        out.append((f"{adj}-Cluster {ra}", f"{en} Cluster {re_}"))
        out.append((f"{adj}-Netzwerk {city}", f"{en} Network {ce}"))
        out.append((f"{ca} {adj}-Initiative", f"{ce} {en} Initiative"))
        title = phrase[:1].upper() + phrase[1:]
        out.append((f"Kompetenznetzwerk {title} {ra}", f"{en} Competence Network {re_}"))
        out.append((f"{adj}-Allianz {ra}", f"{en} Alliance {re_}"))
        out.append((f"{adj}-Cluster {city}", f"{en} Cluster {ce}"))
    else:
        out.append((f"Cluster {adj} {ra}", f"{en} Cluster {re_}"))
        out.append((f"Distretto {adj} di {city}", f"{ce} {en} District"))
        out.append((f"Polo di Innovazione {adj} {ra}", f"{re_} {en} Innovation Hub"))
        out.append((f"Rete Innovativa {adj} {ra}", f"{re_} {en} Innovation Network"))
        out.append((f"Distretto Tecnologico {adj} {ra}", f"{re_} {en} Technology District"))
        out.append((f"Distretto {adj} {ra}", f"{re_} {en} District"))
    # Drop repeats (region and city adjectives coincide in some places), keeping order.
    seen: dict[str, tuple[str, str]] = {}
    for native, english in out:
        seen.setdefault(native, (native, english))
    return list(seen.values())


# Sentence 0 and 1 introduce the cluster ({p}: topic phrase, {city}); 2-7 are extras.
# Every language lists the same sentences in the same order as English.
SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "The cluster brings together companies, universities and research organisations in "
        "the field of {p} in {city} and its region.",
        "We are an association of companies and research partners working in the field of {p}, "
        "based in "
        "{city}.",
        "We support joint research and development projects, training and access to foreign "
        "markets.",
        "Our goal is to strengthen the competitiveness of the region and to attract talent.",
        "The cluster was founded in {founded} on the initiative of local companies.",
        "Members share infrastructure, know-how and contacts with public authorities.",
        "We focus on digitalisation, sustainability and the circular economy.",
        "We organise matchmaking events and represent our members at trade fairs.",
    ),
    "cs": (
        "Klastr sdružuje firmy, vysoké školy a výzkumné organizace v oblasti {p} ve městě "
        "{city} a jeho okolí.",
        "Jsme sdružením firem a výzkumných partnerů v oblasti {p} se sídlem ve městě {city}.",
        "Podporujeme společné projekty výzkumu a vývoje, vzdělávání a vstup na zahraniční trhy.",
        "Naším cílem je posílit konkurenceschopnost regionu a přilákat talenty.",
        "Klastr vznikl v roce {founded} z iniciativy místních firem.",
        "Členové sdílejí infrastrukturu, know-how a kontakty s veřejnou správou.",
        "Zaměřujeme se na digitalizaci, udržitelnost a oběhové hospodářství.",
        "Pořádáme kooperační setkání a prezentujeme členy na veletrzích.",
    ),
    "sk": (
        "Klaster združuje firmy, vysoké školy a výskumné organizácie v oblasti {p} v meste "
        "{city} a jeho okolí.",
        "Sme združením firiem a výskumných partnerov v oblasti {p} so sídlom v meste {city}.",
        "Podporujeme spoločné projekty výskumu a vývoja, vzdelávanie a vstup na zahraničné trhy.",
        "Naším cieľom je posilniť konkurencieschopnosť regiónu a prilákať talenty.",
        "Klaster vznikol v roku {founded} z iniciatívy miestnych firiem.",
        "Členovia zdieľajú infraštruktúru, know-how a kontakty s verejnou správou.",
        "Zameriavame sa na digitalizáciu, udržateľnosť a obehové hospodárstvo.",
        "Organizujeme kooperačné stretnutia a prezentujeme členov na veľtrhoch.",
    ),
    "pl": (
        "Klaster zrzesza firmy, uczelnie i instytuty badawcze z obszaru {p} z miasta {city} "
        "i regionu.",
        "Jesteśmy stowarzyszeniem przedsiębiorstw i partnerów naukowych z obszaru {p} "
        "z siedzibą w mieście {city}.",
        "Wspieramy wspólne projekty badawczo-rozwojowe, szkolenia oraz wejście na rynki "
        "zagraniczne.",
        "Naszym celem jest wzmocnienie konkurencyjności regionu i przyciąganie talentów.",
        "Klaster powstał w {founded} roku z inicjatywy lokalnych przedsiębiorców.",
        "Członkowie współdzielą infrastrukturę, wiedzę i kontakty z administracją publiczną.",
        "Koncentrujemy się na cyfryzacji, zrównoważonym rozwoju i gospodarce o obiegu zamkniętym.",
        "Organizujemy spotkania kooperacyjne i promujemy członków na targach.",
    ),
    "hu": (
        "A klaszter {az} {p} területén működő vállalatokat, egyetemeket és kutatóintézeteket "
        "fogja össze {city} térségében.",
        "Egyesületünk {az} {p} területén tevékenykedő cégeket és kutatási partnereket tömörít, "
        "székhelye {city}.",
        "Támogatjuk a közös kutatás-fejlesztési projekteket, a képzést és a külpiaci megjelenést.",
        "Célunk a térség versenyképességének erősítése és a tehetségek vonzása.",
        "A klaszter helyi vállalatok kezdeményezésére jött létre, alapításának éve: {founded}.",
        "A tagok megosztják egymással infrastruktúrájukat, tudásukat és kapcsolataikat.",
        "Kiemelt témáink a digitalizáció, a fenntarthatóság és a körforgásos gazdaság.",
        "Partnerkereső rendezvényeket szervezünk, és képviseljük tagjainkat a szakkiállításokon.",
    ),
    "de": (
        "Der Cluster vernetzt Unternehmen, Hochschulen und Forschungseinrichtungen im Bereich "
        "{p} in {city} und Umgebung.",
        "Wir sind ein Netzwerk von Unternehmen und Forschungspartnern im Bereich {p} mit Sitz "
        "in {city}.",
        "Wir unterstützen gemeinsame Forschungs- und Entwicklungsprojekte, Weiterbildung und "
        "den Zugang zu Auslandsmärkten.",
        "Unser Ziel ist es, die Wettbewerbsfähigkeit der Region zu stärken und Fachkräfte zu "
        "gewinnen.",
        "Der Cluster wurde {founded} auf Initiative regionaler Unternehmen gegründet.",
        "Die Mitglieder teilen Infrastruktur, Know-how und Kontakte zur öffentlichen Hand.",
        "Schwerpunkte sind Digitalisierung, Nachhaltigkeit und Kreislaufwirtschaft.",
        "Wir organisieren Kooperationsbörsen und präsentieren unsere Mitglieder auf Fachmessen.",
    ),
    "sl": (
        "Grozd povezuje podjetja, univerze in raziskovalne organizacije s področja {p} v kraju "
        "{city} in okolici.",
        "Smo združenje podjetij in raziskovalnih partnerjev s področja {p} s sedežem v kraju "
        "{city}.",
        "Podpiramo skupne raziskovalno-razvojne projekte, usposabljanje in vstop na tuje trge.",
        "Naš cilj je krepitev konkurenčnosti regije in privabljanje talentov.",
        "Grozd je bil ustanovljen leta {founded} na pobudo lokalnih podjetij.",
        "Člani si delijo infrastrukturo, znanje in stike z javno upravo.",
        "Osredotočamo se na digitalizacijo, trajnostni razvoj in krožno gospodarstvo.",
        "Organiziramo poslovna srečanja in predstavljamo člane na sejmih.",
    ),
    "it": (
        "Il cluster riunisce imprese, università e centri di ricerca del settore {p} nell'area "
        "di {city}.",
        "Siamo un'associazione di imprese e partner scientifici attivi nel settore {p}, con "
        "sede a {city}.",
        "Sosteniamo progetti congiunti di ricerca e sviluppo, la formazione e l'accesso ai "
        "mercati esteri.",
        "Il nostro obiettivo è rafforzare la competitività del territorio e attrarre talenti.",
        "Il cluster è stato fondato nel {founded} su iniziativa delle imprese locali.",
        "I soci condividono infrastrutture, competenze e contatti con la pubblica amministrazione.",
        "Ci concentriamo su digitalizzazione, sostenibilità ed economia circolare.",
        "Organizziamo incontri B2B e promuoviamo i soci alle fiere di settore.",
    ),
}

_HU_VOWELS = "aáeéiíoóöőuúüű"


def descriptions(rng: random.Random, reg: Region, top: Topic, founded: int) -> tuple[str, str]:
    """A native description of 1-3 sentences and its English translation."""
    lang = LANGUAGE[reg.country]
    picks = [rng.randrange(2)]
    picks += sorted(rng.sample(range(2, 8), rng.choice((0, 1, 1, 2, 2))))
    # Some source records keep line breaks between sentences.
    joiner = "\n" if len(picks) > 1 and rng.random() < 0.15 else " "
    texts = []
    for code, city in ((lang, reg.city), ("en", reg.city_en)):
        phrase = top.word(code)[1]
        article = "az" if phrase[:1].lower() in _HU_VOWELS else "a"
        values = {"p": phrase, "city": city, "founded": founded, "az": article}
        texts.append(joiner.join(SENTENCES[code][i].format(**values) for i in picks))
    return texts[0], texts[1]
