"""Company names with native legal forms, and business register numbers per country."""

from __future__ import annotations

import random

from clusterhub.demo.registry.common import LANGUAGE, choose, digits, initials
from clusterhub.demo.registry.model import Topic
from clusterhub.demo.registry.people import surname
from clusterhub.demo.registry.topics import (
    AERO,
    BUILD,
    CREA,
    DIG,
    EINT,
    ELEC,
    FOOD,
    HEALTH,
    MOB,
    REN,
    RET,
    SOC,
    TEX,
    TOUR,
)

# English words that companies across the region put in their names.
INTL: dict[str, str] = {
    MOB: "Automotive Components Parts Mobility Logistics Transport Drive Motion",
    AERO: "Aero Aerospace Aviation Avionics Space Defence Composites",
    BUILD: "Wood Timber Build Construct Interior Home Structures",
    CREA: "Studio Media Design Games Pictures Creative Content",
    DIG: "Software Solutions Systems Data Cloud Labs Digital Technologies",
    ELEC: "Electronics Electric Automation Tronic Sensors Robotics Engineering",
    EINT: "Steel Metal Glass Chemicals Plast Ceramics Materials Coatings",
    REN: "Energy Solar Power Green Wind Hydro Eco",
    HEALTH: "Medical Pharma Bio Health Diagnostics Biotech Med Care",
    SOC: "Social Care Services Community Security",
    RET: "Trade Shop Retail Market Commerce",
    TEX: "Textile Fashion Fabrics Tex Wear Knit",
    TOUR: "Travel Tours Hotel Resort Holidays Spa",
    FOOD: "Food Foods Agro Farm Dairy Bakery Wine Fresh",
}

# Native trade words per language and ecosystem, usable as "<word> <surname|city>".
# fmt: off
NATIVE: dict[str, dict[str, str]] = {
    "cs": {MOB: "Autodíly|Lisovna|Slévárna|Autoservis", AERO: "Letecké opravny|Avia",
           BUILD: "Stavby|Nábytek|Truhlářství|Dřevovýroba", CREA: "Studio|Ateliér|Produkce",
           DIG: "Software|Informatika|Datové systémy", ELEC: "Elektro|Strojírny|Automatizace",
           EINT: "Sklárna|Kovárna|Chemie|Plasty|Slévárna", REN: "Energie|Solar|Teplárna",
           HEALTH: "Medical|Farmaceutika|Laboratoře", SOC: "Sociální služby|Chráněné dílny",
           RET: "Obchod|Velkoobchod", TEX: "Textil|Tkalcovna|Oděvy",
           TOUR: "Hotel|Cestovní kancelář|Penzion", FOOD: "Mlékárna|Pekárna|Pivovar|Vinařství"},
    "sk": {MOB: "Autodiely|Lisovňa|Zlievareň|Autoservis", AERO: "Letecké opravovne|Aero",
           BUILD: "Stavby|Nábytok|Drevovýroba", CREA: "Štúdio|Ateliér|Produkcia",
           DIG: "Softvér|Informatika|Dátové systémy", ELEC: "Elektro|Strojárne|Automatizácia",
           EINT: "Sklárne|Kováčňa|Chémia|Plasty", REN: "Energia|Solar|Teplárne",
           HEALTH: "Medical|Farmácia|Laboratóriá", SOC: "Sociálne služby|Chránená dielňa",
           RET: "Obchod|Veľkoobchod", TEX: "Textil|Tkáčovňa|Odevy",
           TOUR: "Hotel|Cestovná kancelária|Penzión", FOOD: "Mliekareň|Pekáreň|Pivovar|Vinárstvo"},
    "pl": {MOB: "Odlewnia|Autoczęści|Transport|Spedycja", AERO: "Zakłady Lotnicze|Aero",
           BUILD: "Meble|Tartak|Budownictwo|Stolarka", CREA: "Studio|Pracownia|Produkcja",
           DIG: "Informatyka|Systemy|Oprogramowanie", ELEC: "Elektro|Automatyka|Maszyny",
           EINT: "Huta|Odlewnia|Chemia|Tworzywa|Huta Szkła", REN: "Energia|Solar|Ciepłownia",
           HEALTH: "Medica|Farmacja|Laboratorium", SOC: "Usługi Społeczne|Spółdzielnia",
           RET: "Handel|Hurtownia", TEX: "Tkalnia|Dzianiny|Odzież",
           TOUR: "Hotel|Biuro Podróży|Pensjonat", FOOD: "Mleczarnia|Piekarnia|Browar|Przetwórnia"},
    "hu": {MOB: "Autóalkatrész|Öntöde|Fuvarozó|Járműtechnika", AERO: "Repülőtechnika|Aero",
           BUILD: "Építő|Bútor|Faipari|Asztalos", CREA: "Stúdió|Műhely|Média",
           DIG: "Informatika|Szoftver|Rendszerház", ELEC: "Elektronika|Gépgyártó|Automatika",
           EINT: "Fémtechnika|Vegyipari|Műanyag|Üveg", REN: "Energia|Napenergia|Hőtechnika",
           HEALTH: "Medical|Gyógyszer|Labor", SOC: "Szociális|Foglalkoztató",
           RET: "Kereskedelmi|Nagykereskedés", TEX: "Textil|Szövöde|Ruházati",
           TOUR: "Hotel|Utazási Iroda|Vendégház", FOOD: "Tejüzem|Pékség|Sörfőzde|Pincészet"},
    "de": {MOB: "Fahrzeugtechnik|Zulieferer|Logistik|Gießerei", AERO: "Luftfahrttechnik|Aero",
           BUILD: "Holzbau|Möbelwerk|Bau|Tischlerei", CREA: "Studio|Medien|Design",
           DIG: "Informatik|Software|Datentechnik", ELEC: "Elektrotechnik|Maschinenbau|Automation",
           EINT: "Stahlbau|Metallwerk|Chemie|Kunststofftechnik|Glaswerk",
           REN: "Energietechnik|Solartechnik|Stadtwerke", HEALTH: "Medizintechnik|Pharma|Labor",
           SOC: "Sozialwerk|Integrationsbetrieb", RET: "Handel|Großhandel",
           TEX: "Textilwerk|Weberei|Strickerei", TOUR: "Hotel|Reisen|Gasthof",
           FOOD: "Molkerei|Bäckerei|Brauerei|Weingut"},
    "sl": {MOB: "Livarna|Avtodeli|Transport|Logistika", AERO: "Letalska tehnika|Aero",
           BUILD: "Gradnje|Pohištvo|Lesna industrija|Mizarstvo", CREA: "Studio|Atelje|Produkcija",
           DIG: "Informatika|Programska oprema|Sistemi", ELEC: "Elektro|Strojegradnja|Avtomatika",
           EINT: "Jeklarna|Kovinarstvo|Kemija|Plastika|Steklarna",
           REN: "Energetika|Solar|Toplarna", HEALTH: "Medical|Farmacija|Laboratorij",
           SOC: "Socialno podjetje|Zadruga", RET: "Trgovina|Veletrgovina",
           TEX: "Tekstil|Tkalnica|Konfekcija", TOUR: "Hotel|Turistična agencija|Penzion",
           FOOD: "Mlekarna|Pekarna|Pivovarna|Vinska klet"},
    "it": {MOB: "Meccanica|Fonderia|Trasporti|Componenti", AERO: "Aeronautica|Avio",
           BUILD: "Costruzioni|Arredamenti|Legnami|Falegnameria", CREA: "Studio|Produzioni",
           DIG: "Informatica|Sistemi|Software", ELEC: "Elettronica|Automazione|Meccatronica",
           EINT: "Acciaierie|Metalli|Chimica|Materie Plastiche|Vetreria",
           REN: "Energia|Solare|Impianti", HEALTH: "Farmaceutici|Biomedica|Laboratori",
           SOC: "Cooperativa Sociale|Servizi Sociali", RET: "Commercio|Distribuzione",
           TEX: "Lanificio|Tessitura|Confezioni", TOUR: "Hotel|Viaggi|Albergo",
           FOOD: "Caseificio|Panificio|Birrificio|Cantina|Salumificio"},
}
# fmt: on

# Specialisations whose ecosystem words would not fit (a glassworks is no chemical plant).
# fmt: off
TOPIC_INTL: dict[str, str] = {
    "glass": "Glass Crystal Ceramics Porcelain Design",
    "metal": "Steel Metal Metals Forge Castings Coatings",
    "chem": "Chemicals Chemistry Polymers Coatings Labs",
    "plastics": "Plast Plastics Polymers Moulding Packaging",
    "wine": "Wine Wines Vineyards Cellars Estate",
    "logistics": "Logistics Transport Cargo Freight Spedition",
    "maritime": "Marine Shipping Port Offshore Yachts",
    "rail": "Rail Railway Wagons Track Transit",
}
TOPIC_NATIVE: dict[str, dict[str, str]] = {
    "glass": {"cs": "Sklárna|Sklo|Porcelán|Keramika", "sk": "Sklárne|Sklo|Keramika",
              "pl": "Huta Szkła|Szkło|Porcelana|Ceramika", "hu": "Üveggyár|Üveg|Porcelán|Kerámia",
              "de": "Glaswerk|Glas|Porzellan|Keramik", "sl": "Steklarna|Steklo|Keramika",
              "it": "Vetreria|Vetro|Ceramiche|Porcellane"},
    "metal": {"cs": "Kovárna|Slévárna|Hutě|Železárny", "sk": "Kováčňa|Zlievareň|Železiarne",
              "pl": "Huta|Odlewnia|Kuźnia|Zakłady Metalowe",
              "hu": "Fémtechnika|Öntöde|Kovácsüzem|Acélszerkezet",
              "de": "Stahlbau|Metallwerk|Gießerei|Schmiede", "sl": "Jeklarna|Livarna|Kovinarstvo",
              "it": "Acciaierie|Fonderia|Metalli|Forgiatura"},
    "chem": {"cs": "Chemie|Chemické závody|Barvy laky", "sk": "Chémia|Chemické závody",
             "pl": "Chemia|Zakłady Chemiczne|Farby", "hu": "Vegyipari|Vegyi Művek",
             "de": "Chemie|Chemiewerk|Lackfabrik", "sl": "Kemija|Kemična tovarna",
             "it": "Chimica|Chimici|Vernici"},
    "plastics": {"cs": "Plasty|Plastik|Lisovna plastů", "sk": "Plasty|Plastika",
                 "pl": "Tworzywa|Plastik|Opakowania", "hu": "Műanyag|Műanyagipari|Csomagolás",
                 "de": "Kunststofftechnik|Kunststoffwerk|Verpackung", "sl": "Plastika|Embalaža",
                 "it": "Materie Plastiche|Plastica|Stampaggio"},
    "wine": {"cs": "Vinařství|Vinné sklepy|Víno", "sk": "Vinárstvo|Vinárske závody|Víno",
             "pl": "Winnica|Winiarnia", "hu": "Pincészet|Borház|Szőlőbirtok",
             "de": "Weingut|Winzerhof|Weinkellerei", "sl": "Vinska klet|Vinarstvo|Posestvo",
             "it": "Cantina|Vigneti|Tenuta"},
    "logistics": {"cs": "Spedice|Logistika|Doprava", "sk": "Špedícia|Logistika|Doprava",
                  "pl": "Spedycja|Logistyka|Transport",
                  "hu": "Fuvarozó|Logisztika|Szállítmányozás",
                  "de": "Spedition|Logistik|Transporte", "sl": "Špedicija|Logistika|Transport",
                  "it": "Trasporti|Logistica|Spedizioni"},
    "maritime": {"cs": "Loděnice|Námořní doprava", "sk": "Lodenica|Námorná doprava",
                 "pl": "Stocznia|Żegluga|Port", "hu": "Hajógyár|Hajózási",
                 "de": "Werft|Reederei|Hafenbetrieb", "sl": "Ladjedelnica|Pomorski promet",
                 "it": "Cantiere Navale|Navigazione|Servizi Portuali"},
    "rail": {"cs": "Vagónka|Železniční opravny|Kolejová vozidla",
             "sk": "Vagónka|Železničné opravovne", "pl": "Tabor Szynowy|Zakłady Taboru",
             "hu": "Vasúti Jármű|Vagongyár", "de": "Waggonbau|Bahntechnik|Schienenfahrzeuge",
             "sl": "Železniška vozila|Tirna tehnika", "it": "Rotabili|Ferrovie|Materiale Rotabile"},
}
# fmt: on

BRAND_HEADS = (
    "Tec Elek Pro Inter Uni Multi Agro Auto Meta Nova Vita Medi Data Info Inno Eko Prima "
    "Sigma Delta Alfa Tera Mega Opti Tele Ener Ferro Aqua Terra Flexi Mont Metal Kompo Termo"
)
BRAND_TAILS = (
    "tech tron ma lex con plan pro mont tex com sys net soft med tec ix on ia ex lab "
    "servis trade form"
)
# fmt: off
COUNTRY_BRANDS = {
    "CZ": "Bohemia Moravia Czech Praga", "SK": "Slovakia Tatra Danubia Carpathia",
    "PL": "Polonia Silesia Vistula Baltica", "HU": "Pannonia Hungaria Danubius Tisza",
    "AT": "Austria Alpina Danubia Noricum", "DE": "Germania Rhenus Nord Süd Elbe",
    "SI": "Slovenia Alpe Adria Carniola", "IT": "Italia Padana Alpi Adriatica",
}
# fmt: on

# Legal forms: (SME weights, large-company weights).
# fmt: off
LEGAL: dict[str, tuple[tuple[tuple[str, float], ...], tuple[tuple[str, float], ...]]] = {
    "CZ": ((("s.r.o.", 85), ("a.s.", 8), ("spol. s r.o.", 7)), (("a.s.", 70), ("s.r.o.", 30))),
    "SK": ((("s.r.o.", 90), ("a.s.", 10)), (("a.s.", 60), ("s.r.o.", 40))),
    "PL": ((("sp. z o.o.", 85), ("sp.j.", 7), ("S.A.", 8)), (("S.A.", 70), ("sp. z o.o.", 30))),
    "HU": ((("Kft.", 92), ("Zrt.", 5), ("Bt.", 3)), (("Zrt.", 60), ("Kft.", 30), ("Nyrt.", 10))),
    "AT": ((("GmbH", 88), ("GmbH & Co KG", 9), ("AG", 3)), (("AG", 50), ("GmbH", 50))),
    "DE": ((("GmbH", 85), ("GmbH & Co. KG", 12), ("AG", 3)),
           (("AG", 45), ("GmbH", 40), ("SE", 15))),
    "SI": ((("d.o.o.", 95), ("d.d.", 5)), (("d.d.", 70), ("d.o.o.", 30))),
    "IT": ((("S.r.l.", 85), ("S.p.A.", 10), ("S.n.c.", 5)), (("S.p.A.", 90), ("S.r.l.", 10))),
}
# fmt: on
_HEADS, _TAILS = BRAND_HEADS.split(), BRAND_TAILS.split()


def brand(rng: random.Random) -> str:
    word = rng.choice(_HEADS) + rng.choice(_TAILS)
    return word.upper() if rng.random() < 0.3 else word


def company_core(rng: random.Random, country: str, top: Topic, city: str, city_adj: str) -> str:
    """A company name without its legal form, in the style of `country`."""
    lang = LANGUAGE[country]
    intl = rng.choice(TOPIC_INTL.get(top.key, INTL[top.eco]).split())
    native_words = TOPIC_NATIVE.get(top.key, {}).get(lang) or NATIVE[lang][top.eco]
    native = rng.choice(native_words.split("|"))
    family = surname(rng, lang)
    style = rng.randrange(8)
    if style == 0:
        return brand(rng)
    if style == 1:
        return f"{brand(rng)} {intl}"
    if style == 2:
        # German and Hungarian put the family name first ("Müller Maschinenbau").
        return f"{family} {native}" if lang in ("de", "hu") else f"{native} {family}"
    if style == 3:
        if lang == "hu" and city_adj:
            return f"{city_adj} {native}"
        return f"{native} {city}"
    if style == 4:
        return f"{rng.choice(COUNTRY_BRANDS[country].split())} {intl}"
    if style == 5:
        other = surname(rng, lang)
        if lang == "hu":
            return f"{family} és Társa"
        return f"{family} & {other}" if other != family else f"{family} & Partner"
    if style == 6:
        return f"{initials(family + ' ' + native + ' ' + intl, 3)} {intl}"
    return f"{family} {intl}"


def legal_form(rng: random.Random, country: str, large: bool) -> str:
    return choose(rng, LEGAL[country][1 if large else 0])


def _ico(rng: random.Random) -> str:
    base = str(rng.randint(1, 9)) + digits(rng, 6)
    total = sum(int(d) * w for d, w in zip(base, range(8, 1, -1), strict=True))
    return base + str((11 - total % 11) % 10)  # the IČO check digit (mod 11)


def _partita_iva(rng: random.Random) -> str:
    base = digits(rng, 7) + f"{rng.randint(1, 121):03d}"
    total = 0
    for pos, ch in enumerate(base):
        d = int(ch)
        if pos % 2:  # Luhn: double every second digit
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return base + str((10 - total % 10) % 10)


# Hungarian court-of-registration codes by county (Cégbíróság).
HU_COURT = {
    "HU110": "01",
    "HU120": "13",
    "HU211": "07",
    "HU212": "11",
    "HU221": "08",
    "HU222": "18",
    "HU223": "20",
    "HU231": "02",
    "HU311": "05",
    "HU321": "09",
    "HU331": "03",
    "HU333": "06",
    "HU213": "19",
}


def register_id(rng: random.Random, country: str, nuts: str, form: str, kind: str) -> str:
    """A number in the national register's format; "" where such bodies are not registered."""
    company = kind in ("sme", "large")
    if country in ("CZ", "SK"):
        return _ico(rng)  # every legal person has an IČO
    if country == "SI":
        return f"{rng.randint(1000000, 9999999)}000"  # matična številka of the head office
    if country == "IT":
        return _partita_iva(rng)
    if country == "PL":
        return f"{rng.randint(1000, 1_100_000):010d}" if company or kind == "ngo" else ""
    if country == "HU":
        if not company:
            return ""
        form_code = {"Kft.": "09", "Bt.": "06"}.get(form, "10")
        return f"{HU_COURT.get(nuts, '01')}-{form_code}-{rng.randint(100000, 999999)}"
    if country == "AT":
        if company:
            return f"FN {rng.randint(10000, 599999)}{rng.choice('abdfghikmpstvwxyz')}"
        return f"ZVR {rng.randint(100000000, 999999999)}" if kind == "ngo" else ""
    if company:
        return f"{'HRA' if 'KG' in form else 'HRB'} {rng.randint(1000, 99999)}"
    return f"VR {rng.randint(100, 9999)}" if kind == "ngo" else ""
