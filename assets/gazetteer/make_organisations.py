#!/usr/bin/env python3
"""Regenerate organisations.txt and company_suffixes.txt in this directory.

Usage (from the repository root):

    apt-get install wamerican                 # /usr/share/dict/american-english
    # bare git snapshots of the source repositories under /work/.mirror
    # (see SOURCES.md, "organisations.txt", for the list and the fetch step)
    python3 assets/gazetteer/make_organisations.py [--report] [--mirror DIR]
                                                   [--head] [--without KEY ...]

The inputs are read straight out of the bare git directories with
`git show COMMIT:PATH`, at the commits pinned in SOURCES below, so the output
is the same whatever the snapshot's newest commit is. --head reads each
repository's HEAD instead and prints the commits it used (to update the pins).
--without KEY leaves one source out (keys as in SOURCES). --report prints the
entries the filters dropped to stderr.

Only the Python standard library is used. places.txt and given_names.txt
(made by make_lists.py) must already exist: their entries are removed from the
organisation list ("places win").

See SOURCES.md for sources, licences and the filters applied.
"""

import ast
import csv
import html
import io
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DICT_US = "/usr/share/dict/american-english"  # Debian package wamerican
MIRROR = "/work/.mirror"

# key: (owner/name, pinned commit, path or path regex)
SOURCES = {
    "sp500": ("datasets/s-and-p-500-companies",
              "56509dd80619e4d8e1410c2260d68ddd3eab6068", "data/constituents.csv"),
    "nasdaq": ("datasets/nasdaq-listings",
               "31d3809cc090d5a535ecc3db2b26904cbb2ac84d", "data/nasdaq-listed-symbols.csv"),
    "nyse": ("datasets/nyse-other-listings",
             "e08f184e20a73d596f9288e0bf28bd09aa577a48", "data/other-listed.csv"),
    "airlines": ("jpatokal/openflights",
                 "5a0360255a5a2ff2b9f1e9cb199716da68a8a33f", "data/airlines.dat"),
    "universities": ("Hipo/university-domains-list",
                     "bb07faf064e1c68be9b26fb71de31f01e361f974",
                     "world_universities_and_domains.json"),
    "parties": ("hdigital/partyfactsdata",
                "764de8978f84ba41a1c88752d6a00b9a4d05f599", "import/wikipedia/wikipedia.csv"),
    "igos": ("confirmordeny/supraverden",
             "59ab4fa0f92f3c75bb45e230908e612f15e8dbdf", "data/general_list.yaml"),
    "clubs": ("openfootball/clubs",
              "ae3800227c449447b3a337fc0aac79a8f02f4c8b", r"[^/]+/.*\.clubs\.txt"),
    "publishers": ("flairNLP/fundus",
                   "18da6e53592f99cf0ac5770dc63d6ba99ba63ae8", "docs/supported_publishers.md"),
    "suffixes": ("psolin/cleanco",
                 "cb70b70566fa6476f9fbb1ad296281f4397b0729", "cleanco/termdata.py"),
}
ORDER = ["hand", "igos", "sp500", "nasdaq", "nyse", "airlines", "parties",
         "universities", "clubs", "publishers"]

MAX_WORDS = 6
PARTY_DISSOLVED_BEFORE = 2000   # parties dissolved before this year are dropped
CLUB_MAX_WORDS = 4              # longer club names are formal names news does not print

# --------------------------------------------------------------- hand lists
# Written for this project from general knowledge; nothing copied.
# Single words that are lower-case dictionary words are still removed from
# these by the dictionary filter; all-caps acronyms here (WHO, ICE) are exempt.

HAND = {
    # international bodies and groupings not (or not in this form) in supraverden
    "international": """
United Nations | UN | U.N. | UN Security Council | Security Council |
UN General Assembly | UN Human Rights Council | UNICEF | UNHCR | UNESCO | UNRWA |
UNDP | UNEP | UNFPA | UN Women | World Food Programme | WFP | WHO |
World Health Organization | World Health Organisation | IAEA |
International Atomic Energy Agency | International Monetary Fund | IMF | World Bank |
World Trade Organization | WTO | OECD | NATO | OPEC | OPEC+ | European Union | EU |
European Commission | European Parliament | European Central Bank | ECB |
European Council | Council of Europe | European Court of Human Rights |
International Criminal Court | ICC | International Court of Justice | ICJ |
African Union | AU | ASEAN | Arab League | League of Arab States |
Gulf Cooperation Council | GCC | Organisation of Islamic Cooperation | OIC |
Commonwealth of Nations | G7 | G8 | G20 | BRICS | SCO |
Shanghai Cooperation Organisation | APEC | Mercosur | ECOWAS | SADC | CARICOM |
OSCE | Interpol | Europol | Frontex | Eurostat | Eurogroup | Asian Development Bank |
ADB | African Development Bank | Inter-American Development Bank | IDB |
Asian Infrastructure Investment Bank | AIIB | New Development Bank |
Bank for International Settlements | BIS | Financial Stability Board | FATF |
Financial Action Task Force | IPCC | UNFCCC | IOM |
International Organization for Migration | ILO | International Labour Organization |
FAO | ICAO | IMO | ITU | WIPO | UNCTAD | OCHA | UNAIDS | Gavi | Global Fund | CERN |
ESA | European Space Agency | IEA | International Energy Agency | IRENA | OPCW |
CTBTO |
""",
    # non-governmental organisations, charities, foundations, churches
    "ngo": """
Red Cross | International Committee of the Red Cross | ICRC | Red Crescent | IFRC |
Amnesty International | Human Rights Watch | Greenpeace | Oxfam |
Médecins Sans Frontières | Medecins Sans Frontieres | Doctors Without Borders | MSF |
Save the Children | World Wildlife Fund | WWF | Transparency International |
Reporters Without Borders | RSF | Committee to Protect Journalists | CPJ |
International Rescue Committee | CARE International | Mercy Corps | Islamic Relief |
Christian Aid | ActionAid | World Vision | Caritas | Salvation Army |
Rotary International | Gates Foundation | Bill & Melinda Gates Foundation |
Open Society Foundations | Wellcome Trust | Rockefeller Foundation |
Ford Foundation | Clinton Foundation | Wikimedia Foundation | Mozilla Foundation |
Linux Foundation | Electronic Frontier Foundation | EFF | ACLU |
American Civil Liberties Union | NAACP | Planned Parenthood |
National Rifle Association | NRA | Southern Poverty Law Center |
Heritage Foundation | Brookings Institution | Council on Foreign Relations |
Chatham House | RAND Corporation | Carnegie Endowment for International Peace |
Cato Institute | American Enterprise Institute |
Center for Strategic and International Studies | CSIS | International Crisis Group |
Pew Research Center | Gallup | YouGov | Ipsos | Extinction Rebellion |
Just Stop Oil | Black Lives Matter | Vatican Bank | Catholic Church |
Church of England | Russian Orthodox Church | Anglican Communion |
Muslim Brotherhood | Nobel Foundation | Nobel Committee | Norwegian Nobel Committee |
""",
    # sport: governing bodies, leagues, teams' organisations
    "sport": """
FIFA | UEFA | CONCACAF | CONMEBOL | CAF | AFC | IOC |
International Olympic Committee | IPC | International Paralympic Committee |
World Athletics | World Aquatics | World Rugby | ICC |
International Cricket Council | BCCI | ECB | England and Wales Cricket Board |
Cricket Australia | FIA | Formula One | Formula 1 | F1 | MotoGP | NASCAR | IndyCar |
ATP | WTA | ITF | PGA Tour | LPGA | LIV Golf | DP World Tour | UFC | WWE | WBA |
WBC | IBF | WBO | World Anti-Doping Agency | WADA | Court of Arbitration for Sport |
CAS | NFL | NBA | WNBA | MLB | NHL | MLS | NCAA | Premier League |
English Football League | EFL | Football Association | FA | Scottish Premiership |
La Liga | LaLiga | Bundesliga | Serie A | Ligue 1 | Eredivisie | Primeira Liga |
Süper Lig | Saudi Pro League | Indian Premier League | IPL | Big Bash League |
Super Rugby | Six Nations | EuroLeague | Tour de France | Team Sky |
Ineos Grenadiers | Red Bull Racing | Mercedes-AMG Petronas | Scuderia Ferrari |
McLaren | Williams Racing | Alpine F1 | Aston Martin F1 | New York Yankees |
Los Angeles Lakers | Dallas Cowboys | New England Patriots | Golden State Warriors |
Boston Celtics | Chicago Bulls | Bayern Munich | Inter Milan | AC Milan |
Sporting Lisbon | Red Star Belgrade | Dynamo Kyiv | Shakhtar Donetsk |
Zenit St Petersburg | Paris Saint-Germain | PSG | Manchester United | Manchester City |
Man Utd | Man City | Liverpool FC | Chelsea FC | Arsenal FC | Tottenham Hotspur |
Real Madrid | Atletico Madrid | FC Barcelona | Barça | Borussia Dortmund |
Ajax Amsterdam | Celtic FC | Rangers FC | Galatasaray | Fenerbahce | Fenerbahçe |
Al-Hilal | Al-Nassr | Inter Miami | Boca Juniors |
""",
    # news agencies, broadcasters, newspapers and magazines
    "media": """
Reuters | Thomson Reuters | Associated Press | AP | Agence France-Presse | AFP |
Bloomberg | Bloomberg News | Bloomberg LP | Dow Jones | Xinhua | Xinhua News Agency |
TASS | RIA Novosti | Interfax | Sputnik | Kyodo | Kyodo News | Yonhap | ANSA | EFE |
Press Trust of India | PTI | Anadolu Agency | IRNA | KCNA | Agence Anadolu | BBC |
BBC News | BBC World Service | CNN | CNN International | Al Jazeera | Al Arabiya |
Sky News | ITV | ITV News | Channel 4 | Channel 4 News | France 24 | Deutsche Welle |
DW | RT | Euronews | NHK | CCTV | CGTN | Phoenix TV | Press TV | NPR | PBS |
ABC News | CBS News | NBC News | Fox News | Fox Business | MSNBC | CNBC | C-SPAN |
Voice of America | VOA | Radio Free Europe | RFE/RL | Radio Liberty | ABC | CBC |
CBC News | SBS | RTÉ | RTE | ORF | ARD | ZDF | The New York Times | New York Times |
NYT | The Washington Post | Washington Post | The Wall Street Journal |
Wall Street Journal | WSJ | USA Today | Los Angeles Times | Chicago Tribune |
Boston Globe | The Boston Globe | San Francisco Chronicle | Houston Chronicle |
Miami Herald | New York Post | Daily News | Newsday | The Atlantic | The New Yorker |
Newsweek | Time Magazine | Politico Europe | Axios | Vox | Vice News |
BuzzFeed News | HuffPost | The Hill | Business Insider | Forbes | Fortune Magazine |
The Intercept | ProPublica | Financial Times | FT | The Economist | The Guardian |
The Observer | The Times | The Sunday Times | The Daily Telegraph | The Telegraph |
Daily Mail | Mail on Sunday | The Independent | The Sun | Daily Mirror |
Evening Standard | Metro UK | The Scotsman | The Irish Times | Irish Independent |
Le Monde | Le Figaro | Libération | Der Spiegel | Die Zeit | Bild |
Süddeutsche Zeitung | Frankfurter Allgemeine Zeitung | FAZ | Handelsblatt |
Corriere della Sera | La Repubblica | El País | El Mundo | ABC España |
NRC Handelsblad | De Telegraaf | Aftenposten | Dagens Nyheter | Helsingin Sanomat |
Gazeta Wyborcza | Kommersant | Novaya Gazeta | Meduza | Pravda | Izvestia |
Kyiv Independent | Ukrainska Pravda | Haaretz | The Jerusalem Post | Jerusalem Post |
Times of Israel | Al-Ahram | Asharq Al-Awsat | Gulf News | The National | Dawn News |
The Hindu | Times of India | Hindustan Times | The Indian Express | NDTV |
South China Morning Post | SCMP | Global Times | People's Daily | China Daily |
Caixin | Nikkei | Nikkei Asia | Asahi Shimbun | Yomiuri Shimbun | Mainichi Shimbun |
Japan Times | Korea Herald | JoongAng Ilbo | Chosun Ilbo | Straits Times |
The Straits Times | Sydney Morning Herald | The Australian | The Age |
Globe and Mail | The Globe and Mail | Toronto Star | National Post |
Folha de S.Paulo | O Globo | Clarín | La Nación | Mail & Guardian | Daily Maverick |
Nation Media Group | Punch Nigeria | Associated Newspapers | News Corp |
Axel Springer | Condé Nast | Hearst | Gannett | Daily Telegraph |
""",
    # governments, parliaments, agencies, security services, courts
    "government": """
White House | Kremlin | Elysee | Élysée Palace | US Congress | US Senate |
House of Representatives | Supreme Court | US Supreme Court | State Department |
Department of State | Justice Department | Department of Justice | DOJ |
Department of Defense | Defense Department | DoD | Department of Homeland Security |
DHS | Treasury Department | US Treasury | Department of Energy |
Department of Labor | Department of Commerce | Commerce Department |
Department of Education | Department of Health and Human Services | HHS |
Department of Veterans Affairs | FBI | Federal Bureau of Investigation | CIA |
Central Intelligence Agency | NSA | National Security Agency |
National Security Council | NSC | Secret Service | ICE |
Immigration and Customs Enforcement | Customs and Border Protection | CBP | DEA |
ATF | FEMA | NASA | NOAA | EPA | Environmental Protection Agency | FDA |
Food and Drug Administration | CDC | Centers for Disease Control and Prevention |
NIH | National Institutes of Health | FAA | Federal Aviation Administration | NTSB |
FTC | Federal Trade Commission | FCC | SEC | Securities and Exchange Commission |
CFTC | IRS | Internal Revenue Service | Federal Reserve | Federal Reserve Board |
US Federal Reserve | FDIC | Census Bureau | Bureau of Labor Statistics |
Social Security Administration | USAID | Peace Corps | US Army | US Navy |
US Air Force | US Marine Corps | Marine Corps | US Space Force | Space Force |
National Guard | Coast Guard | US Coast Guard | Joint Chiefs of Staff |
Democratic Party | Republican Party | Democratic National Committee | DNC |
Republican National Committee | RNC | GOP | House of Commons | House of Lords |
Bank of England | HM Treasury | Home Office | Foreign Office |
Foreign, Commonwealth and Development Office | FCDO | Ministry of Defence | MoD |
Cabinet Office | NHS | National Health Service | MI5 | MI6 | GCHQ |
Metropolitan Police | Met Police | Scotland Yard | Crown Prosecution Service | CPS |
Ofcom | Ofgem | Ofsted | Office for National Statistics | ONS | HMRC |
Financial Conduct Authority | FCA | Conservative Party | Labour Party |
Liberal Democrats | Scottish National Party | SNP | Reform UK | Sinn Féin |
Sinn Fein | Democratic Unionist Party | DUP | Plaid Cymru | Green Party | Bundestag |
Bundesrat | Bundesbank | Bundeswehr | Knesset | Duma | State Duma |
Federation Council | Rada | Verkhovna Rada | Lok Sabha | Rajya Sabha |
National People's Congress | NPC | Chinese Communist Party |
Communist Party of China | CCP | CPC | Politburo | People's Liberation Army | PLA |
People's Bank of China | PBOC | Bank of Japan | BOJ | Reserve Bank of India | RBI |
Reserve Bank of Australia | RBA | Bank of Canada | Swiss National Bank | SNB |
Bank of Korea | Central Bank of Russia | Bank of Russia | Banque de France |
Bank of Italy | Banca d'Italia | Riksbank | Norges Bank | Mossad | Shin Bet | IDF |
Israel Defense Forces | FSB | SVR | GRU | KGB | Wagner Group | Rosgvardia |
Ukrainian Armed Forces | SBU | Revolutionary Guards |
Islamic Revolutionary Guard Corps | IRGC | Quds Force | Basij | ISI | RAW | CBI |
Enforcement Directorate | Election Commission | European Court of Justice |
""",
    # armed and militant groups often in the news
    "armed": """
Hamas | Hezbollah | Hizbollah | Islamic Jihad | Palestinian Islamic Jihad | Fatah |
Palestinian Authority | PLO | Taliban | al-Qaeda | Al-Qaeda | al-Qaida | Al Qaeda |
Islamic State | ISIS | ISIL | Daesh | Boko Haram | al-Shabaab | Al-Shabaab |
Houthis | Houthi | Ansar Allah | Hayat Tahrir al-Sham | HTS |
Syrian Democratic Forces | SDF | PKK | YPG | Kurdistan Workers' Party | IRA |
Provisional IRA | ETA | FARC | ELN | Shining Path | Lashkar-e-Taiba |
Jaish-e-Mohammed | Tehrik-i-Taliban Pakistan | TTP | Rapid Support Forces | RSF |
Sudanese Armed Forces | M23 | Al-Nusra Front | Azov Brigade | Proud Boys |
Oath Keepers | Ku Klux Klan | Sinaloa Cartel | Jalisco New Generation Cartel | CJNG |
MS-13 | Tren de Aragua |
""",
    # large companies that are not (or not under this name) listed in New York
    "companies": """
3M | Samsung | Samsung Electronics | Toyota Motor | Volkswagen | VW | BMW |
Mercedes-Benz | Daimler | Daimler Truck | Siemens | SAP | Nestlé | Nestle SA |
Unilever | BP | TotalEnergies | Saudi Aramco | Aramco | Petrobras | Gazprom |
Rosneft | Lukoil | Novatek | Sberbank | VTB | Sinopec | PetroChina | CNOOC | Huawei |
ZTE | Tencent | Alibaba | Alibaba Group | Baidu | ByteDance | TikTok | Xiaomi | BYD |
CATL | Lenovo | Foxconn | Hon Hai | TSMC | Sony | Nintendo | Honda | Nissan |
Hyundai | Kia Corporation | Kia Motors | LG | LG Electronics | SK Hynix | SK Group |
Tata | Tata Group | Tata Motors | Tata Steel | Tata Consultancy Services | TCS |
Infosys | Wipro | Reliance Industries | Reliance Jio | Adani Group | Adani |
Mahindra | HSBC | Barclays | Lloyds | Lloyds Banking Group | NatWest |
Standard Chartered | UBS | Credit Suisse | Deutsche Bank | Commerzbank |
BNP Paribas | Société Générale | Societe Generale | Crédit Agricole |
Banco Santander | BBVA | ING | Rabobank | UniCredit | Intesa Sanpaolo | AXA |
Allianz | Munich Re | Swiss Re | Zurich Insurance | Generali | Prudential plc |
Aviva | Legal & General | Nokia | Ericsson | Spotify | Philips | ASML | Airbus |
Rolls-Royce | BAE Systems | Thales | Dassault | Dassault Aviation | Safran |
Leonardo SpA | Rheinmetall | Saab | Renault | Stellantis | Peugeot | Fiat Chrysler |
Ferrari | Volvo | Volvo Cars | Polestar Automotive | Porsche AG | Audi | Skoda |
Škoda | SEAT | Ikea | IKEA | H&M | Inditex | Zara | LVMH | Kering | Gucci |
Chanel SA | Hermès | Hermes | L'Oréal | L'Oreal | Adidas | Puma SE | Heineken |
AB InBev | Anheuser-Busch | Diageo | Carlsberg | Danone | Novartis | Roche |
AstraZeneca | GSK | GlaxoSmithKline | Sanofi | Bayer | BASF | Novo Nordisk | Maersk |
Lufthansa | Emirates Airline | Qatar Airways | Etihad | Ryanair | easyJet |
Wizz Air | Tesco | Sainsbury's | Asda | Morrisons | Marks & Spencer | M&S |
Carrefour Group | Aldi | Lidl | Vodafone | Deutsche Telekom | Telefónica |
Telefonica | BT Group | Glencore | Rio Tinto | BHP | Anglo American | Vale SA |
ArcelorMittal | Thyssenkrupp | SoftBank | Rakuten | Mitsubishi | Mitsui | Panasonic |
Toshiba | Hitachi Ltd | Canon Inc | Fujitsu | Uniqlo | Fast Retailing | Nikon |
Suzuki | Subaru | Mazda | Yamaha | Bosch | Equinor | Eni | Enel | Iberdrola | EDF |
Engie | RWE | E.ON | Vattenfall | Ørsted | Orsted | Repsol | Shell plc |
Royal Dutch Shell | Rosatom | Roscosmos | Aeroflot | Yandex | Kaspersky | Naftogaz |
Ukrzaliznytsia | Pemex | Codelco | Sonatrach | QatarEnergy | ADNOC | Emirates Group |
DP World | Saudi Arabian Airlines | Evergrande | China Evergrande | Country Garden |
Wanda Group | Meituan | Pinduoduo | Temu | Shein | JD.com | NetEase | DJI | Geely |
Great Wall Motors | Nio | XPeng | Haier | State Grid | China Mobile | ICBC |
Bank of China | China Construction Bank | Agricultural Bank of China | Ping An |
COSCO | Sinochem | ChemChina | CNPC | Embraer | Bombardier Inc | Shopify |
Thomson Reuters | Magna | Couche-Tard | OpenAI | Anthropic | DeepMind |
Google DeepMind | SpaceX | xAI | Mistral AI | Hugging Face | Stability AI | Klarna |
Revolut | Monzo | Deliveroo | Just Eat | Arm Holdings | Cargill | Koch Industries |
Bechtel | Publix | Fidelity Investments | Vanguard Group | BlackRock | Epic Games |
Valve Corporation | Huawei Technologies | Google LLC | Amazon.com | Meta Platforms |
Apple Inc | Microsoft | Nvidia | Tesla | Netflix | Uber | Walmart | ExxonMobil |
Exxon | Chevron Corporation | Boeing | Lockheed Martin | Raytheon |
General Electric | GE | General Motors | GM | Ford Motor | Ford Motor Company |
Intel Corporation | IBM | Oracle Corporation | Cisco | Qualcomm | AMD | Disney |
Walt Disney | Warner Bros | Paramount Global | Comcast | Pfizer | Moderna |
BioNTech | Johnson & Johnson | J&J | JPMorgan | JPMorgan Chase | Goldman Sachs |
Morgan Stanley | Citigroup | Citi | Wells Fargo | Bank of America | BofA |
Berkshire Hathaway | Coca-Cola | PepsiCo | McDonald's | Starbucks | Nike | Visa Inc |
Mastercard | PayPal | X Corp | Twitter Inc | Facebook | Instagram | WhatsApp |
YouTube | LinkedIn | Snapchat | Telegram Messenger |
""",
}

# Company legal-form suffixes in the forms news prints (hand-written), used
# for stripping and written to company_suffixes.txt together with the
# cleanco-derived forms.
HAND_SUFFIXES = """
Inc | Inc. | Incorporated | Corp | Corp. | Corporation | Co | Co. | Company |
& Co | & Co. | and Company | Ltd | Ltd. | Limited | LLC | L.L.C. | LLP | L.L.P. |
LP | L.P. | PLC | Plc | plc | P.L.C. | AG | SA | S.A. | SE | S.E. | NV | N.V. |
BV | B.V. | GmbH | GmbH & Co. KG | KG | KGaA | AG & Co. KGaA | e.V. | eG | OHG | mbH |
SpA | S.p.A. |
Srl | S.r.l. | SRL | SAS | S.A.S. | SARL | S.à r.l. | S.à.r.l. | AB | AB (publ) |
ASA | AS | A/S | ApS | Oy | Oyj | KK | K.K. | Co., Ltd. | Co. Ltd. | Co Ltd |
Pty | Pty Ltd | Pty. Ltd. | Bhd | Bhd. | Berhad | Sdn Bhd | Sdn. Bhd. | Tbk |
Tbk. | PT | Pvt Ltd | Pvt. Ltd. | Private Limited | Public Limited Company |
Public Company Limited | PCL | S.A.B. de C.V. | S.A. de C.V. | SAB de CV |
S. de R.L. | Ltda | Ltda. | S.L. | SL | S.L.U. | S.A.U. | a.s. | s.r.o. |
d.o.o. | d.d. | sp. z o.o. | S.A.S.U. | PJSC | OJSC | JSC | CJSC | OAO | ZAO |
OOO | PAO | NL | SAOG | QSC | Q.S.C. | QPSC | K.S.C.P. | N.A. | LLLP | PLLC |
PC | P.C. | LC | SCA | S.C.A. | SCS | EOOD | OOD | Zrt. | Nyrt. | Kft. | OÜ | UAB |
SIA | Sp. z o.o. | Sp.k. | S.K.A. | SICAV | Pte Ltd | Pte. Ltd. | NUF | ANS |
Aktiengesellschaft | Gesellschaft mit beschränkter Haftung | Société Anonyme |
Sociedad Anónima | Società per Azioni | Naamloze Vennootschap |
Besloten Vennootschap | Aktiebolag | Aksjeselskap | Osakeyhtiö | Kabushiki Kaisha |
Limitada | SE & Co. KGaA | Holdings Inc | Holdings Ltd | Group Inc | Group Ltd |
"""

# Stripped from the end of company names to make the name news prints.
# (case-insensitive, whole tokens, repeatedly; longest first)
LEGAL_STRIP = """
Inc | Incorporated | Corp | Corporation | Co | Company | and Company | & Co |
Ltd | Limited | LLC | L.L.C | LLP | LP | L.P | PLC | P.L.C | AG | SA | S.A | SE |
NV | N.V | BV | B.V | GmbH | KGaA | SpA | S.p.A | Srl | S.r.l | SAS | SARL | AB |
AB (publ) | publ | ASA | AS | A/S | ApS | Oy | Oyj | KK | K.K | Pty | Pty Ltd |
Bhd | Berhad | Sdn Bhd | Tbk | Pvt Ltd | Private Limited | Public Company Limited |
Public Limited Company | PCL | S.A.B. de C.V | S.A. de C.V | SAB de CV | S.A.B |
Ltda | S.L | PJSC | OJSC | JSC | PAO | N.A | SCA | S.C.A | LLLP | Co Ltd |
Company Limited | Corp Ltd
"""
# Further stripped (second short form): "Goldman Sachs Group" -> "Goldman Sachs".
GROUP_STRIP = ["Group Holdings", "Holdings", "Holding", "Group", "Companies",
               "Holding Company", "Holding Corp", "Holdings Corp"]


def bar_list(text):
    return [clean(x) for x in text.split("|") if clean(x)]


# --------------------------------------------------------------- helpers

def die(msg):
    sys.stderr.write("make_organisations.py: " + msg + "\n")
    sys.exit(1)


def path(name):
    return os.path.join(HERE, name)


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


def read_list(name):
    if not os.path.exists(path(name)):
        die(name + " is missing: run make_lists.py first")
    with open(path(name), encoding="utf-8") as f:
        return {clean(line) for line in f if line.strip()}


def write_list(name, items):
    items = sorted({clean(i) for i in items if clean(i)})
    with open(path(name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(items) + "\n")
    return items


def lower_dict(filename):
    if not os.path.exists(filename):
        die(filename + " is missing: apt-get install wamerican")
    with open(filename, encoding="utf-8") as f:
        words = (w.strip() for w in f)
        return {w for w in words if w and w == w.lower()}


FOLD_MAP = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "‘": "'", "“": "", "”": "",
})


def fold(s):
    s = unicodedata.normalize("NFKD", s.translate(FOLD_MAP))
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not unicodedata.combining(ch)))


def camel(s):
    """Internal capital after a lower-case letter: BlackBerry, CoStar, PiS."""
    return any(a.islower() and b.isupper() for a, b in zip(s, s[1:]))


def latin_only(s):
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


# --------------------------------------------------------------- git input

class Repo:
    def __init__(self, mirror, key, use_head):
        self.key = key
        self.name, self.pin, self.spec = SOURCES[key]
        self.gitdir = os.path.join(mirror, self.name.replace("/", "+"), "repo")
        if not os.path.isdir(self.gitdir):
            die("%s: no snapshot at %s (fetch %s first, see SOURCES.md)"
                % (key, self.gitdir, self.name))
        self.commit = self.git("rev-parse", "HEAD").strip() if use_head else self.pin
        if self.git("cat-file", "-t", self.commit, check=False).strip() != "commit":
            die("%s: commit %s is not in %s; run with --head to use the snapshot's "
                "newest commit (and update the pins and SOURCES.md)"
                % (key, self.commit, self.gitdir))

    def git(self, *args, check=True):
        r = subprocess.run(["git", "--git-dir=" + self.gitdir] + list(args),
                           capture_output=True)
        if check and r.returncode != 0:
            die("git %s failed in %s: %s" % (" ".join(args), self.gitdir,
                                              r.stderr.decode("utf-8", "replace")))
        return r.stdout.decode("utf-8")

    def show(self, p=None):
        return self.git("show", "%s:%s" % (self.commit, p or self.spec))

    def files(self):
        names = self.git("ls-tree", "-r", "--name-only", self.commit).splitlines()
        rx = re.compile(self.spec + r"\Z")
        return sorted(n for n in names if rx.match(n))


# --------------------------------------------------------------- normalising

def fix_all_caps(name, dict_us):
    """Title-case a multi-word name given wholly in capitals, keeping acronyms."""
    letters = [c for c in name if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or len(name.split()) < 2:
        return name
    out = []
    for tok in name.split():
        core = re.sub(r"[^A-Za-z]", "", tok)
        acronym = (len(core) <= 3 and core.lower() not in dict_us) or \
            (core and not re.search(r"[AEIOU]", core)) or "." in tok.rstrip(".")
        if acronym or not core:
            out.append(tok)
        else:
            out.append("-".join(p[:1] + p[1:].lower() for p in tok.split("-")))
    return " ".join(out)


def drop_parens(s):
    s = re.sub(r"\s*\([^()]*\)", "", s)
    s = re.sub(r"\s*\[[^\[\]]*\]", "", s)
    return clean(s.replace("(", " ").replace(")", " "))


def suffix_regex(phrases):
    alts = sorted({p for p in phrases}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts)
    return re.compile(r"(?:\s*,)?\s+(?:%s)\.?,?\s*$" % body, re.I)


LEGAL_RX = suffix_regex(bar_list(LEGAL_STRIP))
GROUP_RX = suffix_regex(GROUP_STRIP)


def strip_repeat(rx, s):
    while True:
        t = rx.sub("", s)
        if t == s or not t.strip():
            return s
        s = clean(t).rstrip(",")


def drop_final_dot(s):
    last = s.split()[-1] if s.split() else ""
    if last.endswith(".") and last.count(".") == 1 and len(last) > 2:
        return s[:-1]                                       # "X Inc." -> "X Inc"
    return s


def all_common_words(s, dict_us):
    """True for 'Financial Institutions', 'First Capital': every word is a
    lower-case dictionary word (or punctuation such as '&')."""
    words = [re.sub(r"[^\w'-]", "", w) for w in s.split()]
    return all(not w or (w.lower() in dict_us and not w.isupper()) for w in words)


def company_forms(raw, dict_us, generic_ok=True):
    """'Agilent Technologies, Inc.' -> {'Agilent Technologies Inc', 'Agilent Technologies'}.
    With generic_ok=False the suffix-less forms are left out when they are
    made only of ordinary words ('Financial Institutions Inc' stays,
    'Financial Institutions' does not)."""
    s = clean(raw.replace("\u00a0", " "))
    s = re.sub(r"\s*\((?:The|the)\)\s*", " ", s)          # "Hershey Company (The)"
    s = drop_parens(s)
    s = re.sub(r"^(?:The)\s+", "", s)
    s = re.sub(r"\s+New$", "", clean(s).strip(" ,;-"))   # "First BanCorp. New"
    if not s:
        return set()
    s = fix_all_caps(s, dict_us)
    full = drop_final_dot(re.sub(r",(\s+\S+\.?)$", r"\1", s))  # "X, Inc." -> "X Inc"
    forms = {full}
    short = strip_repeat(LEGAL_RX, s)
    shorter = strip_repeat(LEGAL_RX, strip_repeat(GROUP_RX, short))
    for f in (short, shorter):
        f = drop_final_dot(clean(f).strip(" ,;&"))
        if f != full and not generic_ok and all_common_words(f, dict_us):
            continue
        forms.add(f)
    return {clean(f).strip(" ,;&") for f in forms if f}


# --------------------------------------------------------------- sources

def src_hand():
    out = set()
    for text in HAND.values():
        out.update(bar_list(text))
    return out


def src_igos(repo):
    out = set()
    field = re.compile(r"^  (Name_en|Name_other(?:_\d)?_en|Abbreviation_en|"
                       r"Abbreviation_other(?:_\d)?_en):\s*(.*)$")
    for line in repo.show().splitlines():
        m = field.match(line)
        if not m:
            continue
        v = m.group(2).strip()
        if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
            v = v[1:-1].replace("''", "'")
        if v in ("", "null", "~") or v.startswith("["):
            continue
        out.add(drop_parens(v))
    return out


def src_sp500(repo, dict_us):
    out = set()
    for row in csv.DictReader(io.StringIO(repo.show())):
        out |= company_forms(row["Security"], dict_us)
    return out


FUND_RX = re.compile(r"\b(Funds?|Portfolio|Municipal|Muni\w*|ETF|ETN|ETFs|Income|Yield|"
                     r"Closed End|Closed-End|Acquisitions?|SPAC|Test Stock|Term Trust)\b", re.I)
# closed-end funds and royalty trusts: "Gabelli Utility Trust", "Mesa Royalty Trust"
FUND_TRUST_RX = re.compile(r"\b(Term|Bond|Equity|Dividend|Utility|Investors|Universal|Multi-Media|"
                           r"Sciences?|Technology|Allocation|Opportunit\w*|Premium|Credit|"
                           r"Strategic|Royalty|Enhanced|Tax-\w+|Return|Municipal|Global|Core|"
                           r"Growth|Value|Wellness|Securities|Investment|Small-Cap|Micro-Cap|"
                           r"Resources|Capital)\b.*\bTrust\b")
# "Artius II Acquisition", "Churchill Capital Corp XI": numbered blank-cheque companies
ROMAN_RX = re.compile(r"\s(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI)\b")
EQUITY_RX = re.compile(r"^(?:(?:Class|Series) [A-Z]\s+)?(?:Non-Voting\s+|Voting\s+)?"
                       r"(?:Common|Ordinary|American Deposit[ao]ry|Sponsored ADR|ADRs?\b|"
                       r"ADSs?\b|Subordinate Voting|Limited Voting|Registered Shares|"
                       r"Common Units)", re.I)
SECURITY_START = re.compile(
    r"(?:\s+|(?<=[a-z])(?=Common Stock))"
    r"(?=(?:(?:Class|Series) [A-Z]\b|Common\b|Ordinary\b|American Deposit|Sponsored\b|"
    r"ADRs?\b|ADSs?\b|Warrants?\b|Rights?\b|Units?\b|Depositary\b|Shares?\b|Subordinate\b|"
    r"Limited Voting\b|Redeemable\b|Cumulative\b|Fixed\b|Floating\b|Perpetual\b|Senior\b|"
    r"Junior\b|Notes?\b|Tranche\b|Preferred\b|Preference\b|Pfd\b|Debentures?\b|"
    r"Non-Voting\b|Contingent\b|Registered Shares\b|"
    r"\d[\d.,/]*\s?%))", re.I)


def split_security(name):
    """'Radiant Logistics, Inc. Common Stock' -> ('Radiant Logistics, Inc.', 'Common Stock')."""
    m = SECURITY_START.search(name)
    if not m:
        return name, ""
    return name[:m.start()], name[m.end():]


def listed_company(company, security, dict_us):
    company = clean(company)
    if not company or FUND_RX.search(company) or ROMAN_RX.search(company):
        return set()
    if FUND_TRUST_RX.search(strip_repeat(LEGAL_RX, company)):
        return set()
    if security and not EQUITY_RX.match(security):
        return set()
    return company_forms(company, dict_us, generic_ok=False)


def src_nasdaq(repo, dict_us):
    out = set()
    for row in csv.DictReader(io.StringIO(repo.show())):
        if row["ETF"] != "N" or row["Test Issue"] != "N":
            continue
        sec = clean(row["Security Name"])
        desc = sec.rsplit(" - ", 1)[1] if " - " in sec else ""
        # a few company names still carry the security ("BiomX Inc. COmmon Stock")
        company, rest = split_security(clean(row["Company Name"]))
        out |= listed_company(company, desc or rest, dict_us)
    return out


def src_nyse(repo, dict_us):
    # The "Company Name" column of other-listed.csv is cut short for some rows
    # ("T" for AT&T); "Security Name" holds the full text.
    out = set()
    for row in csv.DictReader(io.StringIO(repo.show())):
        if row["ETF"] != "N" or row["Test Issue"] != "N":
            continue
        company, desc = split_security(clean(row["Security Name"]))
        out |= listed_company(company, desc, dict_us)
    return out


def src_airlines(repo, dict_us):
    out = set()
    for row in csv.reader(io.StringIO(repo.show())):
        if len(row) != 8:
            continue
        _id, name, _alias, iata, icao, _callsign, _country, active = row
        if active != "Y" or not re.fullmatch(r"[A-Z0-9]{2}", iata) or iata == "-":
            continue
        if re.search(r"virtual|\d", name, re.I) or name in ("\\N", "Unknown"):
            continue
        out |= company_forms(name, dict_us)
    return out


def src_universities(repo, dict_us):
    out = set()
    for u in json.loads(repo.show()):
        name = clean(u["name"]).replace('"', "").replace("“", "").replace("”", "")
        name = name.split("|")[0]
        for acr in re.findall(r"\(([^()]*)\)", name):
            acr = acr.strip()
            if re.fullmatch(r"[A-Z][A-Za-z&-]*[A-Z]", acr) and sum(c.isupper() for c in acr) >= 3:
                out.add(acr)
        name = drop_parens(name)
        if "," in name:
            head = name.split(",")[0].strip()
            if len(head.split()) < 2:
                continue
            name = head
        name = clean(name).strip(" -")
        out.add(fix_all_caps(name, dict_us))
    return out


def src_parties(repo):
    out = set()
    for row in csv.DictReader(io.StringIO(repo.show())):
        gone = row["year_dissolved"].strip()
        if gone and gone.isdigit() and int(gone) < PARTY_DISSOLVED_BEFORE:
            continue
        name = drop_parens(row["name"])
        if name and latin_only(name):
            out.add(name)
        short = row["name_short"].strip()
        if re.fullmatch(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ0-9]{1,7}", short) and \
                sum(c.isupper() for c in short) >= 2 and len(short) >= 3:
            out.add(short)
    return out


def src_clubs(repo):
    """Main names and "|" variants from the *.clubs.txt files. Reserve sides
    ("ii) Real Madrid B") and names that are also a club's home town in the
    same data ("Sligo" for Sligo Rovers) are left out."""
    names, towns = set(), set()
    for fname in repo.files():
        if ".lang." in fname:
            continue
        reserve = False
        for line in repo.show(fname).splitlines():
            line = re.sub(r"#.*", "", line).rstrip()
            if not line.strip() or line.lstrip().startswith("="):
                continue
            s = line.strip()
            if s.startswith("|"):                  # "  | Spurs | Tottenham": variants
                if reserve:
                    continue
                cands = s.split("|")
            elif re.match(r"^[ivx]+\)", s):       # "ii) Real Madrid B": reserve side
                reserve = True
                continue
            else:                                  # "Arsenal FC, 1886, @ Emirates Stadium, London"
                reserve = False
                fields = s.split(",")
                cands = fields[:1]
                for f in fields[1:]:
                    for t in re.split(r"[›()/]", f):
                        t = clean(t)
                        if t and not t.startswith("@") and not t.isdigit():
                            towns.add(t)
            for n in cands:
                n = clean(n)
                if not n or "." in n or "[" in n or "›" in n or "(" in n or \
                        len(n.split()) > CLUB_MAX_WORDS:
                    continue
                names.add(n)
    towns |= {fold(t) for t in towns}
    return {n for n in names if n not in towns and fold(n) not in towns}


def src_publishers(repo):
    text = repo.show()
    out = set()
    for m in re.finditer(r"<div>\s*(.*?)\s*</div>", text, re.S):
        name = clean(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))))
        if not name or "." in name.split()[-1]:          # "netzpolitik.org", "Canada.com"
            continue
        for acr in re.findall(r"\(([^()]*)\)", name):
            if re.fullmatch(r"[A-Z][A-Za-z]+[A-Z]", acr.strip()):
                out.add(acr.strip())
        out.add(drop_parens(name))
    return out


def cleanco_terms(repo):
    tree = ast.parse(repo.show())
    terms = set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            for vals in ast.literal_eval(node.value).values():
                terms.update(clean(t) for t in vals if clean(t))
    return terms


# cleanco terms that are also ordinary abbreviations or English acronyms
SUFFIX_STOP = {"CIO", "VAT", "PSU", "SEM", "SEP", "SCI", "PAT", "ENT", "MPP", "PFA",
               "DAT", "TAA", "ETAT", "SES", "CIC", "KAO", "RHF", "GTE", "OBRT", "TDV",
               "SOGEPA"}


def build_suffixes(terms, dict_us):
    """Hand-written forms plus the forms of cleanco's lower-case legal terms
    that news prints: "d.o.o." and "s.r.o." as written, "S.A.R.L." in
    capitals, short undotted terms in capitals ("OAO", "UAB"), long single
    words capitalised ("Aktiebolag"). Two-letter terms come from the hand
    list only; longer native phrases, terms in liquidation ("v likvidaci"),
    and terms with digits or stray characters are left out."""
    hand = bar_list(HAND_SUFFIXES)
    hand_lower = {h.lower() for h in hand}
    out = set(hand)
    for t in terms:
        low = t.lower()
        if low in hand_lower or not latin_only(t) or "likvid" in low or \
                re.search(r"[^a-zà-žǎ-ǜ./&' -]", low) or "Å" in t:
            continue
        letters = re.sub(r"[^a-zà-žǎ-ǜ]", "", low)
        words = t.split()
        if t.upper() in SUFFIX_STOP:
            continue
        if "." in t or "/" in t:
            if len(letters) >= 3 and len(words) <= 3 and (len(words) > 1 or t.count(".") >= 2):
                out.add(t)                                   # "d.o.o.", "spol. s r.o."
                if len(words) == 1 and len(letters) <= 4 and t.count(".") >= 2:
                    out.add(t.upper())                       # "S.A.R.L."
        elif len(words) == 1 and 3 <= len(letters) <= 5:
            if low not in dict_us and t.upper() not in SUFFIX_STOP:
                out.add(t.upper())                           # "OAO", "UAB"
        elif len(words) == 1 and len(letters) >= 6 and low not in dict_us:
            out.add(t[:1].upper() + t[1:])                   # "Aktiebolag"
    return out


# --------------------------------------------------------------- filters

# All-caps strings that in news are mostly not organisations (units, time
# zones, currencies, finance and medical terms, months). Entries from the hand
# lists are not affected.
COMMON_ACRONYMS = set("""
CEO CFO COO CTO CIO CMO GDP GNP GNI CPI PPI PMI PPP IPO ETF ETN NFT API PDF USB UFO
ATM DIY FAQ HIV AIDS ICU MRI DNA RNA LED LCD GPS SUV VIP VAT NGO NGOS PHD MBA BBQ TBA
TBC TBD ASAP RSVP FYI AKA RIP SMS MMS ISP URL WWW HTML CSS PHP SQL CPU GPU RAM ROM SSD
HDD APP LAN WAN VPN DNS UAV LNG LPG CNG CO2 UTC GMT EST EDT CST CDT MST MDT PST PDT CET
CEST BST IST AEST BCE MEP MEPS MPP MLA MSP NDA LSD THC CBD MSG CFC PCB PVC TNT ISA ESG
KPI ROI EPS EBIT EBITDA CRM ERP AGM EGM ICT UAT IMT STEM GCSE SAT GRE PPE PCR COVID SARS
MERS HPV IVF CBT PTSD ADHD OCD ALS STD STI BMI BPM RPM MPH KPH TGV HGV ATV LGBT LGBTQ WMD
IED RPG ICBM DVD MVP AAA BBB CCC USD EUR GBP JPY CNY RMB INR CHF AUD CAD HKD SGD KRW RUB
BRL MXN ZAR SEK NOK DKK PLN BTC ETH JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC
MON TUE WED THU FRI SAT SUN EVA TKO ETA MSC PPM ACS CPD UPC ESS ELI ETI SPC PCA NPA
""".split())


def split_dashes(e):
    """'ABSA - Aerolinhas Brasileiras' -> both names; 'Antioch University - Seattle'
    -> 'Antioch University'. Single capitalised words after a dash are dropped."""
    parts = [p.strip() for p in re.split(r"\s+[-–—]\s+", e)]
    if len(parts) == 1:
        return parts
    return [p for p in parts if len(p.split()) >= 2 or (p.isupper() and len(p) >= 3)]


def filter_entries(cands, dict_us, places, given, hand, dropped):
    kept = set()
    for e in cands:
        e = re.sub(r"\$\$[^$]*\$\$", " ", e)             # club sponsor: "WSG $$Swarovski$$ Tirol"
        e = clean(e.replace('"', " ").replace("“", " ").replace("”", " ")).strip(" ,;:-/")
        e = re.sub(r"\s+([,.])", r"\1", e)
        forms = set()
        for part in split_dashes(e):
            if part:
                forms.add(part)
                f = fold(part)
                if f != part and f.isascii() and latin_only(part):
                    forms.add(f)
        for x in forms:
            words = x.split()
            in_hand = x in hand
            if len(x) < 2 or not re.search(r"[^\W\d_]", x):
                dropped["short or number"].add(x)
            elif not any(c.isupper() or c.isdigit() for c in x) or \
                    re.search(r"[|;:\"<>{}=_*#@$\[\]]", x):
                dropped["no capital or odd character"].add(x)
            elif len(words) > MAX_WORDS:
                dropped["over %d words" % MAX_WORDS].add(x)
            elif len(x) == 2 and not in_hand:
                dropped["two characters, not hand-listed"].add(x)
            elif x.upper() == x and x in COMMON_ACRONYMS and not in_hand:
                dropped["common non-organisation acronym"].add(x)
            elif len(words) == 1 and x.lower() in dict_us and \
                    not (in_hand and x.isupper()) and not camel(x):
                dropped["dictionary word"].add(x)
            elif x in places:
                dropped["in places.txt"].add(x)
            elif x in given:
                dropped["in given_names.txt"].add(x)
            else:
                kept.add(x)
    return kept


def verify(name):
    with open(path(name), encoding="utf-8") as f:
        data = f.read()
    lines = data.split("\n")
    assert data.endswith("\n"), name + ": no final newline"
    lines = lines[:-1]
    assert all(lines), name + ": empty line"
    assert all(l == l.strip() and "  " not in l for l in lines), name + ": stray spaces"
    assert len(lines) == len(set(lines)), name + ": duplicates"
    assert lines == sorted(lines), name + ": not sorted"
    assert not any(l.startswith("#") for l in lines), name + ": comment line"
    return len(lines), len(data.encode("utf-8")), lines


def main():
    args = sys.argv[1:]
    want_report = "--report" in args
    use_head = "--head" in args
    mirror = MIRROR
    without = set()
    for i, a in enumerate(args):
        if a == "--mirror":
            mirror = args[i + 1]
        elif a == "--without":
            without.add(args[i + 1])
    unknown = without - set(SOURCES) - {"hand"}
    if unknown:
        die("unknown source key(s): " + ", ".join(sorted(unknown)))

    dict_us = lower_dict(DICT_US)
    places = read_list("places.txt")
    given = read_list("given_names.txt")

    repos = {k: Repo(mirror, k, use_head) for k in SOURCES if k not in without}
    if use_head:
        for k, r in repos.items():
            print("%-13s %s %s" % (k, r.name, r.commit))

    hand = src_hand()
    builders = {
        "hand": lambda: hand,
        "igos": lambda: src_igos(repos["igos"]),
        "sp500": lambda: src_sp500(repos["sp500"], dict_us),
        "nasdaq": lambda: src_nasdaq(repos["nasdaq"], dict_us),
        "nyse": lambda: src_nyse(repos["nyse"], dict_us),
        "airlines": lambda: src_airlines(repos["airlines"], dict_us),
        "parties": lambda: src_parties(repos["parties"]),
        "universities": lambda: src_universities(repos["universities"], dict_us),
        "clubs": lambda: src_clubs(repos["clubs"]),
        "publishers": lambda: src_publishers(repos["publishers"]),
    }
    dropped = {k: set() for k in ("short or number", "no capital or odd character",
                                  "over %d words" % MAX_WORDS,
                                  "two characters, not hand-listed",
                                  "common non-organisation acronym", "dictionary word",
                                  "in places.txt", "in given_names.txt")}
    per_source = {}
    for key in ORDER:
        if key in without:
            continue
        per_source[key] = filter_entries(builders[key](), dict_us, places, given,
                                         hand, dropped)
    allorgs = set().union(*per_source.values())
    # an entry dropped by one source's form but kept from another is not "dropped"
    for k in dropped:
        dropped[k] -= allorgs

    if "suffixes" in repos:
        suffixes = build_suffixes(cleanco_terms(repos["suffixes"]), dict_us)
    else:
        suffixes = set(bar_list(HAND_SUFFIXES))

    write_list("organisations.txt", allorgs)
    write_list("company_suffixes.txt", suffixes)

    for key, items in per_source.items():
        others = set().union(*(v for k, v in per_source.items() if k != key))
        print("%-13s %6d kept  %6d only here" % (key, len(items), len(items - others)))
    for k, v in dropped.items():
        print("dropped: %-33s %6d" % (k, len(v)))
    if want_report:
        for k, v in dropped.items():
            sys.stderr.write("\n== dropped: %s (%d)\n%s\n" % (k, len(v), " | ".join(sorted(v))))
    for name in ("organisations.txt", "company_suffixes.txt"):
        n, size, lines = verify(name)
        print("%-22s %6d lines %8d bytes   e.g. %s" % (
            name, n, size, " | ".join(lines[i] for i in range(0, n, max(1, n // 5))[:5])))


if __name__ == "__main__":
    main()
