"""The titles of the NACE Rev. 2 sections and divisions, marked for translation.

`clusterhub.standard.nace` is free of Django and holds Eurostat's English titles; makemessages
cannot see strings passed through a variable, so every title is listed here once with
`gettext_noop` (tests/test_translations.py fails when one is missing). `nace_title` gives a
code's title in the active language.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

from clusterhub.standard import nace

NACE_TITLES: tuple[str, ...] = (
    # SECTIONS
    gettext_noop("Agriculture, forestry and fishing"),
    gettext_noop("Mining and quarrying"),
    gettext_noop("Manufacturing"),
    gettext_noop("Electricity, gas, steam and air conditioning supply"),
    gettext_noop("Water supply; sewerage, waste management and remediation activities"),
    gettext_noop("Construction"),
    gettext_noop("Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    gettext_noop("Transportation and storage"),
    gettext_noop("Accommodation and food service activities"),
    gettext_noop("Information and communication"),
    gettext_noop("Financial and insurance activities"),
    gettext_noop("Real estate activities"),
    gettext_noop("Professional, scientific and technical activities"),
    gettext_noop("Administrative and support service activities"),
    gettext_noop("Public administration and defence; compulsory social security"),
    gettext_noop("Education"),
    gettext_noop("Human health and social work activities"),
    gettext_noop("Arts, entertainment and recreation"),
    gettext_noop("Other service activities"),
    gettext_noop(
        "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use"
    ),
    gettext_noop("Activities of extraterritorial organisations and bodies"),
    # DIVISIONS
    gettext_noop("Crop and animal production, hunting and related service activities"),
    gettext_noop("Forestry and logging"),
    gettext_noop("Fishing and aquaculture"),
    gettext_noop("Mining of coal and lignite"),
    gettext_noop("Extraction of crude petroleum and natural gas"),
    gettext_noop("Mining of metal ores"),
    gettext_noop("Other mining and quarrying"),
    gettext_noop("Mining support service activities"),
    gettext_noop("Manufacture of food products"),
    gettext_noop("Manufacture of beverages"),
    gettext_noop("Manufacture of tobacco products"),
    gettext_noop("Manufacture of textiles"),
    gettext_noop("Manufacture of wearing apparel"),
    gettext_noop("Manufacture of leather and related products"),
    gettext_noop(
        "Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials"
    ),
    gettext_noop("Manufacture of paper and paper products"),
    gettext_noop("Printing and reproduction of recorded media"),
    gettext_noop("Manufacture of coke and refined petroleum products"),
    gettext_noop("Manufacture of chemicals and chemical products"),
    gettext_noop("Manufacture of basic pharmaceutical products and pharmaceutical preparations"),
    gettext_noop("Manufacture of rubber and plastic products"),
    gettext_noop("Manufacture of other non-metallic mineral products"),
    gettext_noop("Manufacture of basic metals"),
    gettext_noop("Manufacture of fabricated metal products, except machinery and equipment"),
    gettext_noop("Manufacture of computer, electronic and optical products"),
    gettext_noop("Manufacture of electrical equipment"),
    gettext_noop("Manufacture of machinery and equipment n.e.c."),
    gettext_noop("Manufacture of motor vehicles, trailers and semi-trailers"),
    gettext_noop("Manufacture of other transport equipment"),
    gettext_noop("Manufacture of furniture"),
    gettext_noop("Other manufacturing"),
    gettext_noop("Repair and installation of machinery and equipment"),
    # 35: 'Electricity, gas, steam and air conditioning supply' (listed above)
    gettext_noop("Water collection, treatment and supply"),
    gettext_noop("Sewerage"),
    gettext_noop("Waste collection, treatment and disposal activities; materials recovery"),
    gettext_noop("Remediation activities and other waste management services"),
    gettext_noop("Construction of buildings"),
    gettext_noop("Civil engineering"),
    gettext_noop("Specialised construction activities"),
    gettext_noop("Wholesale and retail trade and repair of motor vehicles and motorcycles"),
    gettext_noop("Wholesale trade, except of motor vehicles and motorcycles"),
    gettext_noop("Retail trade, except of motor vehicles and motorcycles"),
    gettext_noop("Land transport and transport via pipelines"),
    gettext_noop("Water transport"),
    gettext_noop("Air transport"),
    gettext_noop("Warehousing and support activities for transportation"),
    gettext_noop("Postal and courier activities"),
    gettext_noop("Accommodation"),
    gettext_noop("Food and beverage service activities"),
    gettext_noop("Publishing activities"),
    gettext_noop(
        "Motion picture, video and television programme production, sound recording and music publishing activities"
    ),
    gettext_noop("Programming and broadcasting activities"),
    gettext_noop("Telecommunications"),
    gettext_noop("Computer programming, consultancy and related activities"),
    gettext_noop("Information service activities"),
    gettext_noop("Financial service activities, except insurance and pension funding"),
    gettext_noop("Insurance, reinsurance and pension funding, except compulsory social security"),
    gettext_noop("Activities auxiliary to financial services and insurance activities"),
    # 68: 'Real estate activities' (listed above)
    gettext_noop("Legal and accounting activities"),
    gettext_noop("Activities of head offices; management consultancy activities"),
    gettext_noop("Architectural and engineering activities; technical testing and analysis"),
    gettext_noop("Scientific research and development"),
    gettext_noop("Advertising and market research"),
    gettext_noop("Other professional, scientific and technical activities"),
    gettext_noop("Veterinary activities"),
    gettext_noop("Rental and leasing activities"),
    gettext_noop("Employment activities"),
    gettext_noop("Travel agency, tour operator reservation service and related activities"),
    gettext_noop("Security and investigation activities"),
    gettext_noop("Services to buildings and landscape activities"),
    gettext_noop("Office administrative, office support and other business support activities"),
    # 84: 'Public administration and defence; compulsory social security' (listed above)
    # 85: 'Education' (listed above)
    gettext_noop("Human health activities"),
    gettext_noop("Residential care activities"),
    gettext_noop("Social work activities without accommodation"),
    gettext_noop("Creative, arts and entertainment activities"),
    gettext_noop("Libraries, archives, museums and other cultural activities"),
    gettext_noop("Gambling and betting activities"),
    gettext_noop("Sports activities and amusement and recreation activities"),
    gettext_noop("Activities of membership organisations"),
    gettext_noop("Repair of computers and personal and household goods"),
    gettext_noop("Other personal service activities"),
    gettext_noop("Activities of households as employers of domestic personnel"),
    gettext_noop(
        "Undifferentiated goods- and services-producing activities of private households for own use"
    ),
    # 99: 'Activities of extraterritorial organisations and bodies' (listed above)
)


def english_title(code: str) -> str:
    """Eurostat's English title of a NACE section (C) or of the division of a code (C29,
    C29.1); "" for an unknown code or a letter that is not the division's section."""
    code = code.strip().upper()
    if len(code) == 1:
        return nace.SECTIONS.get(code, ("",))[0]
    if nace.section_of_division(code[1:3]) == code[:1]:
        return nace.DIVISIONS[code[1:3]]
    return ""  # no such division, or not in that section (Z99, A29)


def nace_title(code: str) -> str:
    """`english_title` in the active language."""
    english = english_title(code)
    return gettext(english) if english else ""
