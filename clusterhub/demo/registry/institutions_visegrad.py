"""Regional authorities, universities and research organisations in CZ, SK, PL and HU."""

# ruff: noqa: RUF001 - official names use the en dash

from __future__ import annotations

from clusterhub.demo.registry.model import Institutions
from clusterhub.demo.registry.model import inst as i

# fmt: off
V4: tuple[Institutions, ...] = (
    i("CZ010", "Hlavní město Praha",
      "České vysoké učení technické v Praze|Univerzita Karlova|"
      "Vysoká škola chemicko-technologická v Praze|Česká zemědělská univerzita v Praze|"
      "Vysoká škola ekonomická v Praze",
      "Ústav organické chemie a biochemie AV ČR|Fyzikální ústav AV ČR|"
      "Ústav teorie informace a automatizace AV ČR|Ústav termomechaniky AV ČR",
      city_public="", city_ngo="Hospodářská komora hl. m. Prahy"),
    i("CZ020", "Středočeský kraj", "ŠKODA AUTO Vysoká škola", "Centrum výzkumu Řež",
      city_ngo="Krajská hospodářská komora Střední Čechy"),
    i("CZ031", "Jihočeský kraj",
      "Jihočeská univerzita v Českých Budějovicích|"
      "Vysoká škola technická a ekonomická v Českých Budějovicích",
      "Biologické centrum AV ČR", city_ngo="Jihočeská hospodářská komora"),
    i("CZ032", "Plzeňský kraj", "Západočeská univerzita v Plzni",
      "Výzkumný a zkušební ústav Plzeň|COMTES FHT"),
    i("CZ041", "Karlovarský kraj", "", "Výzkumný ústav balneologický"),
    i("CZ042", "Ústecký kraj", "Univerzita Jana Evangelisty Purkyně v Ústí nad Labem",
      "Výzkumný ústav anorganické chemie|Unipetrol výzkumně vzdělávací centrum"),
    i("CZ051", "Liberecký kraj", "Technická univerzita v Liberci",
      "Výzkumný ústav textilních strojů Liberec"),
    i("CZ052", "Královéhradecký kraj", "Univerzita Hradec Králové", ""),
    i("CZ053", "Pardubický kraj", "Univerzita Pardubice", "Výzkumný ústav organických syntéz"),
    i("CZ063", "Kraj Vysočina", "Vysoká škola polytechnická Jihlava", ""),
    i("CZ064", "Jihomoravský kraj",
      "Vysoké učení technické v Brně|Masarykova univerzita|Mendelova univerzita v Brně|"
      "Veterinární univerzita Brno",
      "Ústav přístrojové techniky AV ČR|Ústav fyziky materiálů AV ČR|"
      "Mezinárodní centrum klinického výzkumu FNUSA|Výzkumný ústav pícninářský",
      city_ngo="Regionální hospodářská komora Brno"),
    i("CZ071", "Olomoucký kraj", "Univerzita Palackého v Olomouci",
      "Výzkumný ústav šlechtitelský|Ústav experimentální botaniky AV ČR"),
    i("CZ072", "Zlínský kraj", "Univerzita Tomáše Bati ve Zlíně", "Technologické inovační centrum"),
    i("CZ080", "Moravskoslezský kraj",
      "Vysoká škola báňská – Technická univerzita Ostrava|Ostravská univerzita|"
      "Slezská univerzita v Opavě",
      "IT4Innovations národní superpočítačové centrum|Materiálový a metalurgický výzkum",
      city_ngo="Krajská hospodářská komora Moravskoslezského kraje"),
    i("SK010", "Bratislavský samosprávny kraj",
      "Slovenská technická univerzita v Bratislave|Univerzita Komenského v Bratislave|"
      "Ekonomická univerzita v Bratislave",
      "Ústav informatiky SAV|Elektrotechnický ústav SAV|"
      "Ústav materiálov a mechaniky strojov SAV"),
    i("SK021", "Trnavský samosprávny kraj",
      "Trnavská univerzita v Trnave|Univerzita sv. Cyrila a Metoda v Trnave", ""),
    i("SK022", "Trenčiansky samosprávny kraj",
      "Trenčianska univerzita Alexandra Dubčeka v Trenčíne",
      "Centrum pre funkčné a povrchovo funkcionalizované sklá"),
    i("SK023", "Nitriansky samosprávny kraj",
      "Slovenská poľnohospodárska univerzita v Nitre|Univerzita Konštantína Filozofa v Nitre",
      "Národné poľnohospodárske a potravinárske centrum"),
    i("SK031", "Žilinský samosprávny kraj", "Žilinská univerzita v Žiline",
      "Výskumný ústav dopravný"),
    i("SK032", "Banskobystrický samosprávny kraj",
      "Univerzita Mateja Bela v Banskej Bystrici|Technická univerzita vo Zvolene",
      "Národné lesnícke centrum"),
    i("SK041", "Prešovský samosprávny kraj", "Prešovská univerzita v Prešove", ""),
    i("SK042", "Košický samosprávny kraj",
      "Technická univerzita v Košiciach|Univerzita Pavla Jozefa Šafárika v Košiciach",
      "Ústav materiálového výskumu SAV|Ústav experimentálnej fyziky SAV"),
    i("PL911", "Urząd Marszałkowski Województwa Mazowieckiego",
      "Politechnika Warszawska|Uniwersytet Warszawski|Szkoła Główna Handlowa w Warszawie|"
      "Szkoła Główna Gospodarstwa Wiejskiego w Warszawie",
      "Instytut Łączności – Państwowy Instytut Badawczy|"
      "Sieć Badawcza Łukasiewicz – Instytut Lotnictwa|"
      "Instytut Podstawowych Problemów Techniki PAN|Narodowe Centrum Badań Jądrowych",
      city_public="Urząd m.st. Warszawy", city_ngo="Warszawska Izba Gospodarcza"),
    i("PL213", "Urząd Marszałkowski Województwa Małopolskiego",
      "Akademia Górniczo-Hutnicza im. Stanisława Staszica w Krakowie|Uniwersytet Jagielloński|"
      "Politechnika Krakowska im. Tadeusza Kościuszki|Uniwersytet Ekonomiczny w Krakowie",
      "Instytut Fizyki Jądrowej PAN|Sieć Badawcza Łukasiewicz – Krakowski Instytut Technologiczny",
      city_ngo="Izba Przemysłowo-Handlowa w Krakowie"),
    i("PL22A", "Urząd Marszałkowski Województwa Śląskiego",
      "Uniwersytet Śląski w Katowicach|Uniwersytet Ekonomiczny w Katowicach|"
      "Śląski Uniwersytet Medyczny w Katowicach",
      "Główny Instytut Górnictwa – Państwowy Instytut Badawczy",
      city_ngo="Regionalna Izba Gospodarcza w Katowicach"),
    i("PL229", "Urząd Marszałkowski Województwa Śląskiego", "Politechnika Śląska",
      "Sieć Badawcza Łukasiewicz – Instytut Metali Nieżelaznych|"
      "Instytut Techniki Górniczej KOMAG"),
    i("PL225", "Urząd Marszałkowski Województwa Śląskiego", "Uniwersytet Bielsko-Bialski", ""),
    i("PL711", "Urząd Marszałkowski Województwa Łódzkiego",
      "Politechnika Łódzka|Uniwersytet Łódzki|Uniwersytet Medyczny w Łodzi",
      "Sieć Badawcza Łukasiewicz – Łódzki Instytut Technologiczny"),
    i("PL823", "Urząd Marszałkowski Województwa Podkarpackiego",
      "Politechnika Rzeszowska im. Ignacego Łukasiewicza|Uniwersytet Rzeszowski", ""),
    i("PL514", "Urząd Marszałkowski Województwa Dolnośląskiego",
      "Politechnika Wrocławska|Uniwersytet Wrocławski|Uniwersytet Przyrodniczy we Wrocławiu",
      "Sieć Badawcza Łukasiewicz – PORT Polski Ośrodek Rozwoju Technologii|"
      "Instytut Niskich Temperatur i Badań Strukturalnych PAN"),
    i("PL415", "Urząd Marszałkowski Województwa Wielkopolskiego",
      "Politechnika Poznańska|Uniwersytet im. Adama Mickiewicza w Poznaniu|"
      "Uniwersytet Przyrodniczy w Poznaniu",
      "Poznańskie Centrum Superkomputerowo-Sieciowe|Instytut Chemii Bioorganicznej PAN"),
    i("PL633", "Urząd Marszałkowski Województwa Pomorskiego",
      "Politechnika Gdańska|Uniwersytet Gdański|Uniwersytet Morski w Gdyni",
      "Instytut Maszyn Przepływowych PAN|Instytut Oceanologii PAN"),
    i("PL424", "Urząd Marszałkowski Województwa Zachodniopomorskiego",
      "Zachodniopomorski Uniwersytet Technologiczny w Szczecinie|"
      "Politechnika Morska w Szczecinie|Uniwersytet Szczeciński", ""),
    i("PL814", "Urząd Marszałkowski Województwa Lubelskiego",
      "Politechnika Lubelska|Uniwersytet Marii Curie-Skłodowskiej w Lublinie|"
      "Uniwersytet Przyrodniczy w Lublinie",
      "Instytut Agrofizyki im. Bohdana Dobrzańskiego PAN"),
    i("PL841", "Urząd Marszałkowski Województwa Podlaskiego",
      "Politechnika Białostocka|Uniwersytet Medyczny w Białymstoku", ""),
    i("PL721", "Urząd Marszałkowski Województwa Świętokrzyskiego",
      "Politechnika Świętokrzyska|Uniwersytet Jana Kochanowskiego w Kielcach", ""),
    i("PL622", "Urząd Marszałkowski Województwa Warmińsko-Mazurskiego",
      "Uniwersytet Warmińsko-Mazurski w Olsztynie",
      "Instytut Rozrodu Zwierząt i Badań Żywności PAN"),
    i("PL613", "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego",
      "Politechnika Bydgoska im. Jana i Jędrzeja Śniadeckich|"
      "Uniwersytet Mikołaja Kopernika w Toruniu",
      "Sieć Badawcza Łukasiewicz – Instytut Inżynierii Materiałów Polimerowych i Barwników"),
    i("PL524", "Urząd Marszałkowski Województwa Opolskiego",
      "Politechnika Opolska|Uniwersytet Opolski", ""),
    i("PL432", "Urząd Marszałkowski Województwa Lubuskiego", "Uniwersytet Zielonogórski", ""),
    i("HU110", "Fővárosi Önkormányzat",
      "Budapesti Műszaki és Gazdaságtudományi Egyetem|Eötvös Loránd Tudományegyetem|"
      "Semmelweis Egyetem|Óbudai Egyetem|Budapesti Corvinus Egyetem",
      "HUN-REN Számítástechnikai és Automatizálási Kutatóintézet|"
      "HUN-REN Wigner Fizikai Kutatóközpont|HUN-REN Energiatudományi Kutatóközpont",
      city_public="", city_ngo="Budapesti Kereskedelmi és Iparkamara"),
    i("HU120", "Pest Vármegyei Önkormányzat", "Magyar Agrár- és Élettudományi Egyetem", "",
      city_public="Gödöllő Város Önkormányzata",
      city_ngo="Pest Vármegyei Kereskedelmi és Iparkamara"),
    i("HU211", "Fejér Vármegyei Önkormányzat", "Óbudai Egyetem Alba Regia Műszaki Kar", ""),
    i("HU212", "Komárom-Esztergom Vármegyei Önkormányzat", "", ""),
    i("HU221", "Győr-Moson-Sopron Vármegyei Önkormányzat",
      "Széchenyi István Egyetem|Soproni Egyetem", "Járműipari Kutatóközpont"),
    i("HU222", "Vas Vármegyei Önkormányzat", "ELTE Savaria Egyetemi Központ", ""),
    i("HU223", "Zala Vármegyei Önkormányzat", "", "ZalaZONE Járműipari Tesztpálya"),
    i("HU231", "Baranya Vármegyei Önkormányzat", "Pécsi Tudományegyetem", ""),
    i("HU311", "Borsod-Abaúj-Zemplén Vármegyei Önkormányzat", "Miskolci Egyetem",
      "Bay Zoltán Alkalmazott Kutatási Közhasznú Nonprofit Kft."),
    i("HU321", "Hajdú-Bihar Vármegyei Önkormányzat", "Debreceni Egyetem",
      "HUN-REN Atommagkutató Intézet"),
    i("HU331", "Bács-Kiskun Vármegyei Önkormányzat", "Neumann János Egyetem", ""),
    i("HU333", "Csongrád-Csanád Vármegyei Önkormányzat", "Szegedi Tudományegyetem",
      "HUN-REN Szegedi Biológiai Kutatóközpont|ELI ALPS Lézeres Kutatóközpont"),
    i("HU213", "Veszprém Vármegyei Önkormányzat", "Pannon Egyetem", ""),
)
# fmt: on
