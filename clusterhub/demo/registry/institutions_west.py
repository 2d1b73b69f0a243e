"""Regional authorities, universities and research organisations in AT, DE, SI and IT."""

# ruff: noqa: RUF001 - official names use the en dash

from __future__ import annotations

from clusterhub.demo.registry.model import Institutions
from clusterhub.demo.registry.model import inst as i

# fmt: off
WEST: tuple[Institutions, ...] = (
    i("AT130", "Wirtschaftsagentur Wien",
      "Technische Universität Wien|Universität Wien|Wirtschaftsuniversität Wien|"
      "Universität für Bodenkultur Wien|Medizinische Universität Wien|FH Technikum Wien",
      "AIT Austrian Institute of Technology GmbH|Österreichische Akademie der Wissenschaften"),
    i("AT312", "Land Oberösterreich", "Johannes Kepler Universität Linz|FH Oberösterreich",
      "Software Competence Center Hagenberg GmbH|Linz Center of Mechatronics GmbH"),
    i("AT314", "Land Oberösterreich", "FH Oberösterreich – Campus Steyr", "PROFACTOR GmbH"),
    i("AT221", "Land Steiermark",
      "Technische Universität Graz|Universität Graz|FH JOANNEUM|Medizinische Universität Graz",
      "JOANNEUM RESEARCH Forschungsgesellschaft mbH|Virtual Vehicle Research GmbH|"
      "Silicon Austria Labs GmbH"),
    i("AT211", "Land Kärnten", "Universität Klagenfurt|Fachhochschule Kärnten",
      "Silicon Austria Labs GmbH|Lakeside Labs GmbH"),
    i("AT323", "Land Salzburg", "Paris Lodron Universität Salzburg|Fachhochschule Salzburg",
      "Salzburg Research Forschungsgesellschaft mbH"),
    i("AT332", "Land Tirol",
      "Universität Innsbruck|Medizinische Universität Innsbruck|MCI Management Center Innsbruck",
      ""),
    i("AT342", "Land Vorarlberg", "Fachhochschule Vorarlberg", "V-Research GmbH"),
    i("AT123", "Land Niederösterreich", "Fachhochschule St. Pölten", ""),
    i("AT112", "Land Burgenland", "Fachhochschule Burgenland", "Forschung Burgenland GmbH"),
    i("AT121", "Land Niederösterreich", "", ""),
    i("DE111", "Verband Region Stuttgart",
      "Universität Stuttgart|Hochschule für Technik Stuttgart|Universität Hohenheim",
      "Fraunhofer-Institut für Produktionstechnik und Automatisierung IPA|"
      "Fraunhofer-Institut für Arbeitswirtschaft und Organisation IAO",
      city_public="Landeshauptstadt Stuttgart", city_ngo="IHK Region Stuttgart"),
    i("DE122", "TechnologieRegion Karlsruhe GmbH",
      "Karlsruher Institut für Technologie|Hochschule Karlsruhe",
      "FZI Forschungszentrum Informatik|"
      "Fraunhofer-Institut für Optronik, Systemtechnik und Bildauswertung IOSB"),
    i("DE131", "Regierungspräsidium Freiburg", "Albert-Ludwigs-Universität Freiburg",
      "Fraunhofer-Institut für Solare Energiesysteme ISE"),
    i("DE212", "Bezirk Oberbayern",
      "Technische Universität München|Ludwig-Maximilians-Universität München|"
      "Hochschule München",
      "fortiss GmbH|Max-Planck-Institut für Quantenoptik",
      city_public="Landeshauptstadt München", city_ngo="IHK für München und Oberbayern"),
    i("DE211", "Stadt Ingolstadt", "Technische Hochschule Ingolstadt", "", city_public=""),
    i("DE254", "Stadt Nürnberg", "Technische Hochschule Nürnberg Georg Simon Ohm", "",
      city_public="", city_ngo="IHK Nürnberg für Mittelfranken"),
    i("DE252", "Stadt Erlangen", "Friedrich-Alexander-Universität Erlangen-Nürnberg",
      "Fraunhofer-Institut für Integrierte Schaltungen IIS|"
      "Max-Planck-Institut für die Physik des Lichts", city_public=""),
    i("DE232", "Stadt Regensburg",
      "Universität Regensburg|Ostbayerische Technische Hochschule Regensburg", "",
      city_public=""),
    i("DE300", "Senatsverwaltung für Wirtschaft, Energie und Betriebe",
      "Technische Universität Berlin|Freie Universität Berlin|Humboldt-Universität zu Berlin|"
      "Charité – Universitätsmedizin Berlin",
      "Fraunhofer-Institut für Offene Kommunikationssysteme FOKUS|"
      "Helmholtz-Zentrum Berlin für Materialien und Energie|"
      "Max-Delbrück-Centrum für Molekulare Medizin",
      city_public="Berlin Partner für Wirtschaft und Technologie GmbH"),
    i("DE600", "Freie und Hansestadt Hamburg",
      "Technische Universität Hamburg|Universität Hamburg|"
      "Hochschule für Angewandte Wissenschaften Hamburg",
      "Deutsches Elektronen-Synchrotron DESY|ZAL Zentrum für Angewandte Luftfahrtforschung GmbH",
      city_public="Hamburg Invest Wirtschaftsförderungsgesellschaft mbH"),
    i("DED21", "Landeshauptstadt Dresden",
      "Technische Universität Dresden|Hochschule für Technik und Wirtschaft Dresden",
      "Fraunhofer-Institut für Photonische Mikrosysteme IPMS|"
      "Helmholtz-Zentrum Dresden-Rossendorf|"
      "Leibniz-Institut für Festkörper- und Werkstoffforschung Dresden",
      city_public="Wirtschaftsförderung Sachsen GmbH"),
    i("DED51", "Stadt Leipzig",
      "Universität Leipzig|Hochschule für Technik, Wirtschaft und Kultur Leipzig",
      "Fraunhofer-Institut für Zelltherapie und Immunologie IZI|"
      "Helmholtz-Zentrum für Umweltforschung – UFZ", city_public=""),
    i("DED41", "Stadt Chemnitz", "Technische Universität Chemnitz",
      "Fraunhofer-Institut für Werkzeugmaschinen und Umformtechnik IWU", city_public=""),
    i("DEG03", "Stadt Jena", "Friedrich-Schiller-Universität Jena|Ernst-Abbe-Hochschule Jena",
      "Fraunhofer-Institut für Angewandte Optik und Feinmechanik IOF|"
      "Leibniz-Institut für Photonische Technologien", city_public=""),
    i("DE929", "Region Hannover",
      "Gottfried Wilhelm Leibniz Universität Hannover|Medizinische Hochschule Hannover|"
      "Hochschule Hannover", "Laser Zentrum Hannover e.V.",
      city_public="Landeshauptstadt Hannover"),
    i("DE913", "Stadt Wolfsburg", "Ostfalia Hochschule für angewandte Wissenschaften", "",
      city_public=""),
    i("DEA23", "Stadt Köln", "Universität zu Köln|Technische Hochschule Köln",
      "Deutsches Zentrum für Luft- und Raumfahrt e.V.", city_public=""),
    i("DEA52", "Stadt Dortmund", "Technische Universität Dortmund|Fachhochschule Dortmund",
      "Fraunhofer-Institut für Materialfluss und Logistik IML", city_public=""),
    i("DE712", "Stadt Frankfurt am Main",
      "Goethe-Universität Frankfurt am Main|Frankfurt University of Applied Sciences", "",
      city_public="", city_ngo="IHK Frankfurt am Main"),
    i("DE501", "Freie Hansestadt Bremen", "Universität Bremen|Hochschule Bremen",
      "Fraunhofer-Institut für Fertigungstechnik und Angewandte Materialforschung IFAM",
      city_public="WFB Wirtschaftsförderung Bremen GmbH", city_ngo="Handelskammer Bremen"),
    i("SI041", "Regionalna razvojna agencija Ljubljanske urbane regije", "Univerza v Ljubljani",
      "Institut Jožef Stefan|Kemijski inštitut|Kmetijski inštitut Slovenije"),
    i("SI032", "Mariborska razvojna agencija", "Univerza v Mariboru", ""),
    i("SI034", "Razvojna agencija Savinja", "", "Inštitut za okolje in prostor"),
    i("SI037", "Razvojni center Novo mesto", "Univerza v Novem mestu", ""),
    i("SI042", "BSC, poslovno podporni center, d.o.o., Kranj", "", ""),
    i("SI043", "Posoški razvojni center", "Univerza v Novi Gorici", ""),
    i("SI044", "Regionalni razvojni center Koper", "Univerza na Primorskem",
      "Znanstveno-raziskovalno središče Koper"),
    i("SI031", "Razvojni center Murska Sobota", "", ""),
    i("ITC11", "Regione Piemonte", "Politecnico di Torino|Università degli Studi di Torino",
      "Fondazione LINKS|Istituto Nazionale di Ricerca Metrologica",
      city_ngo="Unione Industriali Torino"),
    i("ITC4C", "Regione Lombardia",
      "Politecnico di Milano|Università degli Studi di Milano|"
      "Università degli Studi di Milano-Bicocca|Università Commerciale Luigi Bocconi",
      "Human Technopole|Fondazione Politecnico di Milano",
      city_ngo="Assolombarda"),
    i("ITC47", "Regione Lombardia", "Università degli Studi di Brescia", ""),
    i("ITC16", "Regione Piemonte", "Università degli Studi di Scienze Gastronomiche", ""),
    i("ITH55", "Regione Emilia-Romagna", "Alma Mater Studiorum – Università di Bologna",
      "CINECA|ENEA – Centro Ricerche Bologna"),
    i("ITH54", "Regione Emilia-Romagna", "Università degli Studi di Modena e Reggio Emilia", ""),
    i("ITH52", "Regione Emilia-Romagna", "Università degli Studi di Parma",
      "Stazione Sperimentale per l'Industria delle Conserve Alimentari"),
    i("ITH35", "Regione del Veneto", "Università Ca' Foscari Venezia|Università Iuav di Venezia",
      ""),
    i("ITH32", "Regione del Veneto", "", ""),
    i("ITH36", "Regione del Veneto", "Università degli Studi di Padova", ""),
    i("ITH42", "Regione Autonoma Friuli Venezia Giulia", "Università degli Studi di Udine", ""),
    i("ITH44", "Regione Autonoma Friuli Venezia Giulia",
      "Università degli Studi di Trieste|SISSA – Scuola Internazionale Superiore di Studi Avanzati",
      "Elettra Sincrotrone Trieste|Area Science Park"),
    i("ITI14", "Regione Toscana", "Università degli Studi di Firenze",
      "CNR – Istituto di Fisica Applicata Nello Carrara"),
    i("ITI15", "Regione Toscana", "", "Next Technology Tecnotessile"),
    i("ITH10", "Provincia Autonoma di Bolzano – Alto Adige", "Libera Università di Bolzano",
      "Eurac Research|Centro di Sperimentazione Laimburg"),
    i("ITH20", "Provincia Autonoma di Trento", "Università degli Studi di Trento",
      "Fondazione Bruno Kessler|Fondazione Edmund Mach"),
    i("ITI43", "Regione Lazio",
      "Sapienza Università di Roma|Università degli Studi di Roma Tor Vergata",
      "Consiglio Nazionale delle Ricerche|ENEA – Centro Ricerche Casaccia"),
)
# fmt: on
