/**
 * Places the location parser knows: countries (ISO 3166-1 alpha-2) with the area they belong
 * to, US states and Canadian/Australian subdivisions, and the cities ML jobs are posted in.
 * Tables are pipe-separated text so a row reads like a line of a gazetteer; aliases after ";".
 */

/** eu = EU member, eur = rest of Europe, mea = Middle East, afr, asia, oce, nam = US/CA, lat. */
export type Area = "eu" | "eur" | "mea" | "afr" | "asia" | "oce" | "nam" | "lat";

export interface CountryRow {
  code: string;
  /** Upper-case codes recognised only when written in capitals ("CAN", "USA"). */
  codes: string[];
  area: Area;
  name: string;
  aliases: string[];
}

export interface SubdivisionRow {
  code: string;
  country: string;
  name: string;
  aliases: string[];
}

export interface CityRow {
  name: string;
  country: string;
  region?: string;
  /** Matched in any case. */
  aliases: string[];
  /** Matched only as written, in capitals ("LA", "SEA"): as words they mean something else. */
  codes: string[];
}

// code|extra capital codes|area|name;aliases
const COUNTRIES = `
AT|AUT|eu|Austria;Österreich
BE|BEL|eu|Belgium;Belgique;België
BG||eu|Bulgaria
HR||eu|Croatia;Hrvatska
CY||eu|Cyprus
CZ|CZE|eu|Czechia;Czech Republic
DK|DNK|eu|Denmark;Danmark
EE||eu|Estonia;Eesti
FI|FIN|eu|Finland;Suomi
FR|FRA|eu|France
DE|DEU|eu|Germany;Deutschland
GR|GRC|eu|Greece
HU|HUN|eu|Hungary
IE|IRL|eu|Ireland;Republic of Ireland
IT|ITA|eu|Italy;Italia
LV||eu|Latvia
LT||eu|Lithuania
LU|LUX|eu|Luxembourg
MT||eu|Malta
NL|NLD|eu|Netherlands;The Netherlands;Holland;Nederland
PL|POL|eu|Poland;Polska
PT|PRT|eu|Portugal
RO|ROU|eu|Romania
SK||eu|Slovakia
SI||eu|Slovenia
ES|ESP|eu|Spain;España
SE|SWE|eu|Sweden;Sverige
GB|GBR|eur|United Kingdom;UK;U.K.;Great Britain;Britain;England;Scotland;Wales;Northern Ireland
JE||eur|Jersey;Bailiwick of Jersey
GG||eur|Guernsey;Bailiwick of Guernsey
IM||eur|Isle of Man
GI||eur|Gibraltar
CH|CHE|eur|Switzerland;Schweiz;Suisse;Svizzera
NO|NOR|eur|Norway;Norge
IS||eur|Iceland
LI||eur|Liechtenstein
MC||eur|Monaco
AD||eur|Andorra
SM||eur|San Marino
AL||eur|Albania
BA||eur|Bosnia and Herzegovina;Bosnia
ME||eur|Montenegro
MK||eur|North Macedonia;Macedonia
RS||eur|Serbia
XK||eur|Kosovo
MD||eur|Moldova
UA|UKR|eur|Ukraine
BY||eur|Belarus
RU|RUS|eur|Russia;Russian Federation
AM||eur|Armenia
AZ||eur|Azerbaijan
GE||eur|Georgia;Sakartvelo
TR|TUR|eur|Turkey;Türkiye;Turkiye
AE||mea|United Arab Emirates;UAE;U.A.E.;Emirates
SA|KSA|mea|Saudi Arabia
QA||mea|Qatar
KW||mea|Kuwait
BH||mea|Bahrain
OM||mea|Oman
IL|ISR|mea|Israel
JO||mea|Jordan
LB||mea|Lebanon
IQ||mea|Iraq
IR||mea|Iran
SY||mea|Syria
YE||mea|Yemen
PS||mea|Palestine
DZ||afr|Algeria
AO||afr|Angola
BJ||afr|Benin
BW||afr|Botswana
BF||afr|Burkina Faso
BI||afr|Burundi
CM||afr|Cameroon
CV||afr|Cape Verde;Cabo Verde
TD||afr|Chad
CD|DRC|afr|Democratic Republic of the Congo;DR Congo
CG||afr|Republic of the Congo;Congo
CI||afr|Côte d'Ivoire;Ivory Coast
DJ||afr|Djibouti
EG|EGY|afr|Egypt
ET||afr|Ethiopia
GH||afr|Ghana
GN||afr|Guinea
KE|KEN|afr|Kenya
LR||afr|Liberia
LY||afr|Libya
MG||afr|Madagascar
MW||afr|Malawi
ML||afr|Mali
MR||afr|Mauritania
MU||afr|Mauritius
MA||afr|Morocco
MZ||afr|Mozambique
NA||afr|Namibia
NE||afr|Niger
NG|NGA|afr|Nigeria
RW||afr|Rwanda
SN||afr|Senegal
SC||afr|Seychelles
SL||afr|Sierra Leone
SO||afr|Somalia
ZA|ZAF|afr|South Africa
SS||afr|South Sudan
SD||afr|Sudan
TZ||afr|Tanzania
TG||afr|Togo
TN||afr|Tunisia
UG||afr|Uganda
ZM||afr|Zambia
ZW||afr|Zimbabwe
AF||asia|Afghanistan
BD||asia|Bangladesh
BT||asia|Bhutan
BN||asia|Brunei
KH||asia|Cambodia
CN|CHN,PRC|asia|China;Mainland China
HK|HKG|asia|Hong Kong;Hong Kong SAR
MO||asia|Macau;Macao
IN|IND|asia|India;Bharat
ID|IDN|asia|Indonesia
JP|JPN|asia|Japan
KZ||asia|Kazakhstan
KG||asia|Kyrgyzstan
LA||asia|Laos
MY|MYS|asia|Malaysia
MV||asia|Maldives
MN||asia|Mongolia
MM||asia|Myanmar;Burma
NP||asia|Nepal
KR|KOR|asia|South Korea;Korea;Republic of Korea
PK|PAK|asia|Pakistan
PH|PHL|asia|Philippines
SG|SGP|asia|Singapore
LK||asia|Sri Lanka
TW|TWN|asia|Taiwan
TJ||asia|Tajikistan
TH|THA|asia|Thailand
TM||asia|Turkmenistan
UZ||asia|Uzbekistan
VN|VNM|asia|Vietnam;Viet Nam
AU|AUS|oce|Australia
NZ|NZL|oce|New Zealand;Aotearoa
FJ||oce|Fiji
PG||oce|Papua New Guinea
US|USA|nam|United States;United States of America;USA;U.S.;U.S.A.;America
CA|CAN|nam|Canada
MX|MEX|lat|Mexico;México
GT||lat|Guatemala
BZ||lat|Belize
SV||lat|El Salvador
HN||lat|Honduras
NI||lat|Nicaragua
CR||lat|Costa Rica
PA||lat|Panama
CU||lat|Cuba
DO||lat|Dominican Republic
HT||lat|Haiti
JM||lat|Jamaica
TT||lat|Trinidad and Tobago;Trinidad
BS||lat|Bahamas
BB||lat|Barbados
PR||lat|Puerto Rico
AR|ARG|lat|Argentina
BO||lat|Bolivia
BR|BRA|lat|Brazil;Brasil
CL|CHL|lat|Chile
CO||lat|Colombia
EC||lat|Ecuador
GY||lat|Guyana
PY||lat|Paraguay
PE||lat|Peru;Perú
SR||lat|Suriname
UY|URY|lat|Uruguay
VE||lat|Venezuela
`;

// code|country|name;aliases
const SUBDIVISIONS = `
AL|US|Alabama
AK|US|Alaska
AZ|US|Arizona
AR|US|Arkansas
CA|US|California
CO|US|Colorado
CT|US|Connecticut
DE|US|Delaware
DC|US|District of Columbia
FL|US|Florida
GA|US|Georgia
HI|US|Hawaii
ID|US|Idaho
IL|US|Illinois
IN|US|Indiana
IA|US|Iowa
KS|US|Kansas
KY|US|Kentucky
LA|US|Louisiana
ME|US|Maine
MD|US|Maryland
MA|US|Massachusetts
MI|US|Michigan
MN|US|Minnesota
MS|US|Mississippi
MO|US|Missouri
MT|US|Montana
NE|US|Nebraska
NV|US|Nevada
NH|US|New Hampshire
NJ|US|New Jersey
NM|US|New Mexico
NY|US|New York;New York State
NC|US|North Carolina
ND|US|North Dakota
OH|US|Ohio
OK|US|Oklahoma
OR|US|Oregon
PA|US|Pennsylvania
RI|US|Rhode Island
SC|US|South Carolina
SD|US|South Dakota
TN|US|Tennessee
TX|US|Texas
UT|US|Utah
VT|US|Vermont
VA|US|Virginia
WA|US|Washington;Washington State
WV|US|West Virginia
WI|US|Wisconsin
WY|US|Wyoming
AB|CA|Alberta
BC|CA|British Columbia
MB|CA|Manitoba
NB|CA|New Brunswick
NL|CA|Newfoundland and Labrador;Newfoundland
NS|CA|Nova Scotia
ON|CA|Ontario
PE|CA|Prince Edward Island
QC|CA|Quebec;Québec
SK|CA|Saskatchewan
NSW|AU|New South Wales
VIC|AU|Victoria
QLD|AU|Queensland
WA|AU|Western Australia
SA|AU|South Australia
TAS|AU|Tasmania
ACT|AU|Australian Capital Territory
KA|IN|Karnataka
MH|IN|Maharashtra
TG|IN|Telangana
TN|IN|Tamil Nadu
DL|IN|Delhi NCR
HR|IN|Haryana
MP|IN|Madhya Pradesh
UP|IN|Uttar Pradesh
KL|IN|Kerala
GJ|IN|Gujarat
WB|IN|West Bengal
`;

// name|country|region|aliases (any case)|codes (capitals only)
const CITIES = `
San Francisco|US|CA|SF;San Francisco Bay Area;SF Bay Area;Bay Area;San Fransisco|SFO
New York|US|NY|New York City;NYC;NY City;Manhattan;Brooklyn;New York Metro|NY
Seattle|US|WA||SEA
Chicago|US|IL||CHI
Boston|US|MA||BOS
Los Angeles|US|CA|L.A.|LA
Washington|US|DC|Washington DC;Washington D.C.;D.C.|DC
San Jose|US|CA||
Palo Alto|US|CA||
Mountain View|US|CA||
Sunnyvale|US|CA||
Menlo Park|US|CA||
Redwood City|US|CA||
Santa Clara|US|CA||
Cupertino|US|CA||
San Mateo|US|CA||
Oakland|US|CA||
Berkeley|US|CA||
Foster City|US|CA||
South San Francisco|US|CA||
Emeryville|US|CA||
San Diego|US|CA||
Irvine|US|CA||
Santa Monica|US|CA||
Pasadena|US|CA||
El Segundo|US|CA||
Santa Barbara|US|CA||
Sacramento|US|CA||
Austin|US|TX||
Dallas|US|TX||
Houston|US|TX||
San Antonio|US|TX||
Plano|US|TX||
Denver|US|CO||
Boulder|US|CO||
Atlanta|US|GA||ATL
Miami|US|FL||
Orlando|US|FL||
Tampa|US|FL||
Arlington|US|VA||
Reston|US|VA||
McLean|US|VA||
Herndon|US|VA||
Baltimore|US|MD||
Bethesda|US|MD||
Philadelphia|US|PA|Philly|
Pittsburgh|US|PA||
Jersey City|US|NJ||
Hoboken|US|NJ||
Princeton|US|NJ||
Stamford|US|CT||
New Haven|US|CT||
Providence|US|RI||
Cambridge|US|MA||
Somerville|US|MA||
Waltham|US|MA||
Portland|US|OR||
Salt Lake City|US|UT|SLC|
Lehi|US|UT||
Phoenix|US|AZ||
Scottsdale|US|AZ||
Tempe|US|AZ||
Las Vegas|US|NV||
Minneapolis|US|MN||
St. Louis|US|MO|Saint Louis;St Louis|
Kansas City|US|MO||
Detroit|US|MI||
Ann Arbor|US|MI||
Columbus|US|OH||
Cleveland|US|OH||
Cincinnati|US|OH||
Indianapolis|US|IN||
Nashville|US|TN||
Raleigh|US|NC|Research Triangle|
Durham|US|NC||
Charlotte|US|NC||
Madison|US|WI||
Bellevue|US|WA||
Redmond|US|WA||
Kirkland|US|WA||
Honolulu|US|HI||
New Orleans|US|LA||
Toronto|CA|ON||
Montreal|CA|QC|Montréal|
Vancouver|CA|BC||
Ottawa|CA|ON||
Waterloo|CA|ON|Kitchener-Waterloo;Kitchener|
Calgary|CA|AB||
Edmonton|CA|AB||
Quebec City|CA|QC|Québec City|
Halifax|CA|NS||
Winnipeg|CA|MB||
London|GB||Greater London;London Area|
Cambridge|GB||Cambridge UK|
Oxford|GB|||
Manchester|GB|||
Edinburgh|GB|||
Glasgow|GB|||
Bristol|GB|||
Birmingham|GB|||
Leeds|GB|||
Belfast|GB|||
Cardiff|GB|||
Reading|GB|||
Sheffield|GB|||
Newcastle|GB|Newcastle upon Tyne|
Liverpool|GB|||
Brighton|GB|||
Nottingham|GB|||
Dublin|IE|||
Cork|IE|||
Galway|IE|||
Berlin|DE|||
Munich|DE||München;Muenchen|
Hamburg|DE|||
Frankfurt|DE||Frankfurt am Main|
Cologne|DE||Köln;Koeln|
Stuttgart|DE|||
Düsseldorf|DE||Dusseldorf;Duesseldorf|
Heidelberg|DE|||
Karlsruhe|DE|||
Tübingen|DE||Tuebingen;Tubingen|
Darmstadt|DE|||
Leipzig|DE|||
Dresden|DE|||
Hannover|DE||Hanover|
Nuremberg|DE||Nürnberg;Nuernberg|
Bonn|DE|||
Aachen|DE|||
Freiburg|DE|||
Mannheim|DE|||
Potsdam|DE|||
Paris|FR|||
Lyon|FR|||
Toulouse|FR|||
Grenoble|FR|||
Nice|FR|||
Sophia Antipolis|FR|||
Marseille|FR|||
Bordeaux|FR|||
Lille|FR|||
Nantes|FR|||
Montpellier|FR|||
Rennes|FR|||
Amsterdam|NL|||
Rotterdam|NL|||
The Hague|NL||Den Haag;Hague|
Utrecht|NL|||
Eindhoven|NL|||
Delft|NL|||
Leiden|NL|||
Brussels|BE||Bruxelles;Brussel|
Antwerp|BE||Antwerpen|
Ghent|BE||Gent|
Leuven|BE|||
Zurich|CH||Zürich;Zuerich|
Geneva|CH||Genève;Geneve|
Lausanne|CH|||
Basel|CH|||
Bern|CH|||
Zug|CH|||
Vienna|AT||Wien|
Graz|AT|||
Linz|AT|||
Madrid|ES|||
Barcelona|ES|||
Valencia|ES|||
Seville|ES||Sevilla|
Málaga|ES||Malaga|
Bilbao|ES|||
Lisbon|PT||Lisboa|
Porto|PT|||
Braga|PT|||
Milan|IT||Milano|
Rome|IT||Roma|
Turin|IT||Torino|
Bologna|IT|||
Stockholm|SE|||
Gothenburg|SE||Göteborg|
Malmö|SE||Malmo|
Copenhagen|DK||København;Kobenhavn|
Aarhus|DK|||
Oslo|NO|||
Bergen|NO|||
Trondheim|NO|||
Helsinki|FI|||
Espoo|FI|||
Tampere|FI|||
Reykjavik|IS||Reykjavík|
Warsaw|PL||Warszawa|
Kraków|PL||Krakow;Cracow|
Wrocław|PL||Wroclaw|
Gdańsk|PL||Gdansk|
Poznań|PL||Poznan|
Łódź|PL||Lodz|
Prague|CZ||Praha|
Brno|CZ|||
Bratislava|SK|||
Budapest|HU|||
Bucharest|RO||București;Bucuresti|
Cluj-Napoca|RO||Cluj|
Sofia|BG|||
Athens|GR|||
Thessaloniki|GR|||
Zagreb|HR|||
Belgrade|RS||Beograd|
Novi Sad|RS|||
Ljubljana|SI|||
Tallinn|EE|||
Tartu|EE|||
Riga|LV|||
Vilnius|LT|||
Kyiv|UA||Kiev|
Lviv|UA|||
Kharkiv|UA|||
Minsk|BY|||
Moscow|RU|||
Saint Petersburg|RU||St. Petersburg;St Petersburg|
Istanbul|TR||İstanbul|
Ankara|TR|||
Limassol|CY|||
Nicosia|CY|||
Valletta|MT|||
Tbilisi|GE|||
Batumi|GE|||
St Helier|JE||Saint Helier;St. Helier|
St Peter Port|GG||Saint Peter Port;St. Peter Port|
Tel Aviv|IL||Tel Aviv-Yafo;Tel-Aviv|TLV
Jerusalem|IL|||
Haifa|IL|||
Herzliya|IL|||
Dubai|AE|||
Abu Dhabi|AE|||
Riyadh|SA|||
Jeddah|SA|||
Doha|QA|||
Cairo|EG|||
Lagos|NG|||
Abuja|NG|||
Nairobi|KE|||
Cape Town|ZA|||
Johannesburg|ZA|||
Casablanca|MA|||
Accra|GH|||
Kigali|RW|||
Tunis|TN|||
Bengaluru|IN|KA|Bangalore;Bengaluru Urban|
Hyderabad|IN|TG||
Mumbai|IN|MH|Bombay|
Pune|IN|MH||
Chennai|IN|TN|Madras|
Delhi|IN|DL|New Delhi;Delhi NCR;NCR|
Gurugram|IN|HR|Gurgaon|
Noida|IN|UP||
Kolkata|IN|WB|Calcutta|
Ahmedabad|IN|GJ||
Kochi|IN|KL|Cochin|
Thiruvananthapuram|IN|KL|Trivandrum|
Jaipur|IN|||
Chandigarh|IN|||
Indore|IN|MP||
Coimbatore|IN|TN||
Karachi|PK|||
Lahore|PK|||
Islamabad|PK|||
Dhaka|BD|||
Colombo|LK|||
Kathmandu|NP|||
Beijing|CN|||
Shanghai|CN|||
Shenzhen|CN|||
Hangzhou|CN|||
Guangzhou|CN|||
Chengdu|CN|||
Hong Kong|HK|||HK
Taipei|TW|||
Hsinchu|TW|||
Tokyo|JP|||
Osaka|JP|||
Kyoto|JP|||
Yokohama|JP|||
Fukuoka|JP|||
Seoul|KR|||
Pangyo|KR|||
Seongnam|KR|||
Busan|KR|||
Singapore|SG|||
Kuala Lumpur|MY|||KL
Penang|MY|||
Jakarta|ID|||
Manila|PH||Metro Manila|
Makati|PH|||
Taguig|PH|||
Cebu|PH||Cebu City|
Ho Chi Minh City|VN||Saigon;HCMC|
Hanoi|VN||Ha Noi|
Da Nang|VN||Danang|
Bangkok|TH|||
Sydney|AU|NSW||
Melbourne|AU|VIC||
Brisbane|AU|QLD||
Perth|AU|WA||
Adelaide|AU|SA||
Canberra|AU|ACT||
Auckland|NZ|||
Wellington|NZ|||
Christchurch|NZ|||
Mexico City|MX||Ciudad de México;Ciudad de Mexico;CDMX|
Guadalajara|MX|||
Monterrey|MX|||
São Paulo|BR||Sao Paulo|
Rio de Janeiro|BR|||
Belo Horizonte|BR|||
Florianópolis|BR||Florianopolis|
Porto Alegre|BR|||
Curitiba|BR|||
Recife|BR|||
Campinas|BR|||
Buenos Aires|AR|||
Córdoba|AR||Cordoba|
Santiago|CL|||
Bogotá|CO||Bogota|
Medellín|CO||Medellin|
Lima|PE|||
Montevideo|UY|||
Quito|EC|||
San José|CR|||
`;

function cells(line: string): string[] {
  return line.split("|").map((cell) => cell.trim());
}

function list(cell: string | undefined, separator: string): string[] {
  return (cell ?? "").split(separator).map((item) => item.trim()).filter(Boolean);
}

function rows(table: string): string[][] {
  return table.trim().split("\n").map(cells);
}

export const COUNTRIES_TABLE: readonly CountryRow[] = rows(COUNTRIES).map(([code = "", codes, area, names]) => {
  const [name = code, ...aliases] = list(names, ";");
  return { code, codes: list(codes, ","), area: area as Area, name, aliases };
});

export const SUBDIVISIONS_TABLE: readonly SubdivisionRow[] = rows(SUBDIVISIONS).map(([code = "", country = "", names]) => {
  const [name = code, ...aliases] = list(names, ";");
  return { code, country, name, aliases };
});

export const CITIES_TABLE: readonly CityRow[] = rows(CITIES).map(([name = "", country = "", region, aliases, codes]) => ({
  name,
  country,
  ...(region ? { region } : {}),
  aliases: list(aliases, ";"),
  codes: list(codes, ";"),
}));
