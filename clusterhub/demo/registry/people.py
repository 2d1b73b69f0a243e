"""Personal names and street names per language, and native-style addresses."""

from __future__ import annotations

import random

from clusterhub.demo.registry.common import ascii_fold

# Given names: (male, female).
# fmt: off
GIVEN: dict[str, tuple[str, str]] = {
    "cs": ("Jan Petr Tomáš Martin Jiří Pavel Lukáš Jakub Michal Ondřej Radek Zdeněk Vojtěch",
           "Jana Petra Lucie Kateřina Eva Markéta Tereza Veronika Hana Zuzana Barbora Lenka"),
    "sk": ("Ján Peter Martin Michal Tomáš Jozef Marek Lukáš Miroslav Juraj Matej Róbert",
           "Mária Zuzana Katarína Lucia Jana Martina Eva Veronika Ivana Andrea Simona"),
    "pl": ("Piotr Krzysztof Andrzej Tomasz Paweł Michał Marcin Jakub Łukasz Grzegorz Wojciech",
           "Anna Katarzyna Małgorzata Agnieszka Magdalena Joanna Aleksandra Monika Ewa Karolina"),
    "hu": ("László István József Zoltán Péter Gábor Attila Tamás Balázs Ferenc András Csaba",
           "Katalin Erzsébet Ildikó Anikó Zsuzsanna Eszter Judit Andrea Krisztina Réka Nóra"),
    "de": ("Thomas Michael Andreas Stefan Christian Markus Martin Alexander Florian Tobias Lukas",
           "Sabine Andrea Claudia Julia Katharina Stefanie Anna Christina Birgit Monika Lisa"),
    "sl": ("Marko Luka Matej Andrej Jure Gregor Tomaž Aleš Primož Rok Boštjan Janez",
           "Maja Mojca Petra Nina Tina Špela Barbara Katja Urška Nataša Mateja Ana"),
    "it": ("Marco Luca Andrea Giuseppe Francesco Alessandro Matteo Stefano Paolo Davide Roberto",
           "Giulia Francesca Chiara Sara Elena Laura Valentina Alessia Federica Silvia Paola"),
}
# fmt: on

# Surnames as "male/female" where the language inflects them.
SURNAMES: dict[str, str] = {
    "cs": "Novák/Nováková Svoboda/Svobodová Dvořák/Dvořáková Černý/Černá "
    "Procházka/Procházková Kučera/Kučerová Veselý/Veselá Horák/Horáková Němec/Němcová "
    "Pokorný/Pokorná Marek/Marková Pospíšil/Pospíšilová Hájek/Hájková Král/Králová "
    "Jelínek/Jelínková Růžička/Růžičková Beneš/Benešová Fiala/Fialová Doležal/Doležalová "
    "Zeman/Zemanová Kolář/Kolářová Navrátil/Navrátilová Čermák/Čermáková Kříž/Křížová "
    "Kovář/Kovářová Bartoš/Bartošová Vlček/Vlčková Musil/Musilová Konečný/Konečná",
    "sk": "Horváth/Horváthová Kováč/Kováčová Varga/Vargová Tóth/Tóthová Baláž/Balážová "
    "Molnár/Molnárová Lukáč/Lukáčová Novák/Nováková Kollár/Kollárová Hudák/Hudáková "
    "Oravec/Oravcová Kráľ/Kráľová Šimko/Šimková Mikuš/Mikušová Bielik/Bieliková "
    "Šťastný/Šťastná Vrábel/Vrábelová Gajdoš/Gajdošová Blaško/Blašková Jurčo/Jurčová "
    "Sloboda/Slobodová Michalík/Michalíková Čierny/Čierna Kučera/Kučerová",
    "pl": "Nowak Kowalski/Kowalska Wiśniewski/Wiśniewska Wójcik Kowalczyk "
    "Kamiński/Kamińska Lewandowski/Lewandowska Zieliński/Zielińska Szymański/Szymańska "
    "Woźniak Dąbrowski/Dąbrowska Kozłowski/Kozłowska Jankowski/Jankowska Mazur "
    "Kwiatkowski/Kwiatkowska Krawczyk Piotrowski/Piotrowska Grabowski/Grabowska "
    "Pawłowski/Pawłowska Michalski/Michalska Król Wieczorek Jabłoński/Jabłońska Wróbel "
    "Majewski/Majewska Olszewski/Olszewska Stępień Górski/Górska Rutkowski/Rutkowska",
    "hu": "Nagy Kovács Tóth Szabó Horváth Varga Kiss Molnár Németh Farkas Balogh Papp Takács "
    "Juhász Mészáros Simon Rácz Fekete Szilágyi Török Fehér Balázs Gál Szűcs Kocsis "
    "Pintér Fodor Szalai Sipos Magyar Lukács Gulyás Bíró Király Katona László",
    "de": "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Bauer "
    "Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Hofmann Krüger Hartmann "
    "Lange Huber Gruber Pichler Steiner Moser Mayer Leitner Wimmer Egger Brunner Fuchs",
    "sl": "Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk "
    "Kralj Božič Korošec Bizjak Zupan Hribar Kavčič Rozman Kastelic Oblak Petek Žagar "
    "Kolar Košir Koren Mesarič Zajc Medved",
    "it": "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo "
    "Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana "
    "Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone",
}

STREETS: dict[str, str] = {
    "cs": "Masarykova|Palackého|Husova|Nádražní|Průmyslová|Technická|Tovární|Purkyňova|"
    "Vídeňská|Kounicova|Jiráskova|Komenského|Žižkova|Tyršova|Sokolovská|Zámecká",
    "sk": "Hlavná|Štúrova|Priemyselná|Hviezdoslavova|Kukučínova|Jesenského|Vajanského|"
    "Bajkalská|Námestie slobody|Kollárova|Komenského|Železničná|Mlynská|Športová",
    "pl": "ul. Jagiellońska|ul. Mickiewicza|ul. Kościuszki|ul. Piłsudskiego|ul. Słowackiego|"
    "ul. Sienkiewicza|ul. Przemysłowa|ul. Fabryczna|ul. Kolejowa|ul. Długa|ul. Lipowa|"
    "ul. Warszawska|ul. Krakowska|ul. Technologiczna|al. Niepodległości|"
    "ul. Wojska Polskiego|ul. Armii Krajowej",
    "hu": "Kossuth Lajos utca|Petőfi Sándor utca|Rákóczi út|Szent István út|Baross Gábor út|"
    "Ady Endre utca|Dózsa György út|Bajcsy-Zsilinszky út|Széchenyi tér|Arany János utca|"
    "Ipar utca|Vasút utca|Jókai Mór utca|Táncsics Mihály utca|Egyetem tér|Fő utca",
    "de": "Hauptstraße|Bahnhofstraße|Industriestraße|Gewerbestraße|Schillerstraße|"
    "Goethestraße|Mozartstraße|Lindenstraße|Marktplatz|Friedrichstraße|Kaiserstraße|"
    "Am Technologiepark|Europaplatz|Landstraße|Ringstraße|Innovationsstraße",
    "sl": "Tržaška cesta|Dunajska cesta|Celovška cesta|Slovenska cesta|Prešernova ulica|"
    "Cankarjeva ulica|Partizanska cesta|Ulica heroja Staneta|Industrijska cesta|"
    "Kidričeva ulica|Glavni trg|Mariborska cesta|Šmartinska cesta",
    "it": "Via Roma|Via Giuseppe Garibaldi|Corso Vittorio Emanuele II|Via Giuseppe Mazzini|"
    "Via Dante Alighieri|Piazza della Repubblica|Via dell'Industria|Via Cavour|"
    "Viale Europa|Via XX Settembre|Via Nazionale|Corso Italia|Via Galileo Galilei|"
    "Via Leonardo da Vinci|Via Enrico Fermi|Via dell'Artigianato",
}


def surname_list(lang: str) -> list[tuple[str, str]]:
    """(male, female) surname pairs; "_" in the data stands for a space."""
    out = []
    for item in SURNAMES[lang].split():
        male, _, female = item.replace("_", " ").partition("/")
        out.append((male, female or male))
    return out


_SURNAMES = {lang: surname_list(lang) for lang in SURNAMES}
_GIVEN = {lang: (m.split(), f.split()) for lang, (m, f) in GIVEN.items()}


def surname(rng: random.Random, lang: str) -> str:
    return rng.choice(_SURNAMES[lang])[0]


def person(rng: random.Random, lang: str) -> tuple[str, str]:
    """A native full name and the matching ASCII "given.family" e-mail local part."""
    female = rng.random() < 0.42
    given = rng.choice(_GIVEN[lang][1 if female else 0])
    family = rng.choice(_SURNAMES[lang])[1 if female else 0]
    # Hungarian puts the family name first.
    full = f"{family} {given}" if lang == "hu" else f"{given} {family}"
    local = f"{ascii_fold(given)}.{ascii_fold(family)}".lower().replace(" ", "")
    return full, local


def address(rng: random.Random, lang: str) -> str:
    street = rng.choice(STREETS[lang].split("|"))
    number = rng.randint(1, 120)
    if lang in ("cs", "sk") and rng.random() < 0.5:
        # Czech and Slovak addresses often carry the land-registry number too.
        return f"{street} {rng.randint(100, 3999)}/{number}"
    if lang == "hu":
        return f"{street} {number}."
    if lang == "it":
        return f"{street}, {number}"
    if lang == "de" and rng.random() < 0.15:
        return f"{street} {number}{rng.choice('abc')}"
    return f"{street} {number}"
