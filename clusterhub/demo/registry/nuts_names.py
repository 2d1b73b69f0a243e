"""Native names of the NUTS 0-2 parents of the curated regions (NUTS 2021 labels)."""

from __future__ import annotations

# fmt: off
COUNTRY_NAMES: dict[str, str] = {
    "CZ": "Česko", "SK": "Slovensko", "PL": "Polska", "HU": "Magyarország",
    "AT": "Österreich", "DE": "Deutschland", "SI": "Slovenija", "IT": "Italia",
}
# fmt: on

# NUTS 1 and NUTS 2 codes of the parents of `regions.REGIONS`.
# fmt: off
PARENT_NAMES: dict[str, str] = {
    "AT1": "Ostösterreich", "AT11": "Burgenland", "AT12": "Niederösterreich", "AT13": "Wien",
    "AT2": "Südösterreich", "AT21": "Kärnten", "AT22": "Steiermark", "AT3": "Westösterreich",
    "AT31": "Oberösterreich", "AT32": "Salzburg", "AT33": "Tirol", "AT34": "Vorarlberg",
    "CZ0": "Česko", "CZ01": "Praha", "CZ02": "Střední Čechy", "CZ03": "Jihozápad",
    "CZ04": "Severozápad", "CZ05": "Severovýchod", "CZ06": "Jihovýchod", "CZ07": "Střední Morava",
    "CZ08": "Moravskoslezsko", "DE1": "Baden-Württemberg", "DE11": "Stuttgart",
    "DE12": "Karlsruhe", "DE13": "Freiburg", "DE2": "Bayern", "DE21": "Oberbayern",
    "DE23": "Oberpfalz", "DE25": "Mittelfranken", "DE3": "Berlin", "DE30": "Berlin",
    "DE5": "Bremen", "DE50": "Bremen", "DE6": "Hamburg", "DE60": "Hamburg", "DE7": "Hessen",
    "DE71": "Darmstadt", "DE9": "Niedersachsen", "DE91": "Braunschweig", "DE92": "Hannover",
    "DEA": "Nordrhein-Westfalen", "DEA2": "Köln", "DEA5": "Arnsberg", "DED": "Sachsen",
    "DED2": "Dresden", "DED4": "Chemnitz", "DED5": "Leipzig", "DEG": "Thüringen",
    "DEG0": "Thüringen", "HU1": "Közép-Magyarország", "HU11": "Budapest", "HU12": "Pest",
    "HU2": "Dunántúl", "HU21": "Közép-Dunántúl", "HU22": "Nyugat-Dunántúl", "HU23": "Dél-Dunántúl",
    "HU3": "Alföld és Észak", "HU31": "Észak-Magyarország", "HU32": "Észak-Alföld",
    "HU33": "Dél-Alföld", "ITC": "Nord-Ovest", "ITC1": "Piemonte", "ITC4": "Lombardia",
    "ITH": "Nord-Est", "ITH1": "Provincia Autonoma di Bolzano/Bozen",
    "ITH2": "Provincia Autonoma di Trento", "ITH3": "Veneto", "ITH4": "Friuli-Venezia Giulia",
    "ITH5": "Emilia-Romagna", "ITI": "Centro (IT)", "ITI1": "Toscana", "ITI4": "Lazio",
    "PL2": "Makroregion południowy", "PL21": "Małopolskie", "PL22": "Śląskie",
    "PL4": "Makroregion północno-zachodni", "PL41": "Wielkopolskie", "PL42": "Zachodniopomorskie",
    "PL43": "Lubuskie", "PL5": "Makroregion południowo-zachodni", "PL51": "Dolnośląskie",
    "PL52": "Opolskie", "PL6": "Makroregion północny", "PL61": "Kujawsko-pomorskie",
    "PL62": "Warmińsko-mazurskie", "PL63": "Pomorskie", "PL7": "Makroregion centralny",
    "PL71": "Łódzkie", "PL72": "Świętokrzyskie", "PL8": "Makroregion wschodni",
    "PL81": "Lubelskie", "PL82": "Podkarpackie", "PL84": "Podlaskie",
    "PL9": "Makroregion województwo mazowieckie", "PL91": "Warszawski stołeczny",
    "SI0": "Slovenija", "SI03": "Vzhodna Slovenija", "SI04": "Zahodna Slovenija",
    "SK0": "Slovensko", "SK01": "Bratislavský kraj", "SK02": "Západné Slovensko",
    "SK03": "Stredné Slovensko", "SK04": "Východné Slovensko",
}
# fmt: on
