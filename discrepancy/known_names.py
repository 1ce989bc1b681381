"""The built-in list of known names: countries (with the adjectives that name them), some places,
organisations and people that recur in conflict reporting. A claims file adds its own with
`aliases:` and `names:`, and wins where it names the same thing (see README, "Grouping").

One entry per line: `Canonical name | other spellings, ... | adjectives, ...` (the last two parts
optional). An adjective ("Syrian") names the country as a description ("Syrian fighters").
Forms of four letters or fewer match only as written (any case; all-capital ones only in
capitals), so "male" is never Mali, "who" never the WHO and "in" never Indiana ("IN").
"""

from __future__ import annotations

COUNTRIES = """
Afghanistan | | Afghan
Albania | | Albanian
Algeria | | Algerian
Andorra | | Andorran
Angola | | Angolan
Antigua and Barbuda
Argentina | | Argentine, Argentinian
Armenia | | Armenian
Australia | | Australian
Austria | | Austrian
Azerbaijan | | Azerbaijani, Azeri
Bahamas | The Bahamas | Bahamian
Bahrain | | Bahraini
Bangladesh | | Bangladeshi
Barbados | | Barbadian
Belarus | Byelorussia | Belarusian
Belgium | | Belgian
Belize | | Belizean
Benin | | Beninese
Bhutan | | Bhutanese
Bolivia | | Bolivian
Bosnia and Herzegovina | Bosnia | Bosnian
Botswana
Brazil | | Brazilian
Brunei
Bulgaria | | Bulgarian
Burkina Faso | | Burkinabe
Burundi | | Burundian
Cambodia | | Cambodian
Cameroon | | Cameroonian
Canada | | Canadian
Cape Verde | Cabo Verde | Cape Verdean
Central African Republic | CAR
Chad | | Chadian
Chile | | Chilean
China | PRC | Chinese
Colombia | | Colombian
Comoros
Congo | Republic of the Congo, Congo-Brazzaville | Congolese
Democratic Republic of the Congo | DR Congo, DRC, Congo-Kinshasa
Costa Rica | | Costa Rican
Ivory Coast | Côte d'Ivoire | Ivorian
Croatia | | Croatian
Cuba | | Cuban
Cyprus | | Cypriot
Czech Republic | Czechia | Czech
Denmark | | Danish
Djibouti
Dominican Republic | | Dominican
Ecuador | | Ecuadorian
Egypt | | Egyptian
El Salvador | | Salvadoran
Equatorial Guinea
Eritrea | | Eritrean
Estonia | | Estonian
Eswatini | Swaziland
Ethiopia | | Ethiopian
Fiji | | Fijian
Finland | | Finnish
France | | French
Gabon | | Gabonese
Gambia | The Gambia | Gambian
Georgia | GA | Georgian
Germany | | German
Ghana | | Ghanaian
Greece | | Greek
Grenada
Guatemala | | Guatemalan
Guinea | | Guinean
Guinea-Bissau
Guyana | | Guyanese
Haiti | | Haitian
Honduras | | Honduran
Hungary | | Hungarian
Iceland | | Icelandic
India | | Indian
Indonesia | | Indonesian
Iran | Persia | Iranian
Iraq | Irak | Iraqi
Ireland | | Irish
Israel | | Israeli
Italy | | Italian
Jamaica | | Jamaican
Japan | | Japanese
Jordan | | Jordanian
Kazakhstan | | Kazakh
Kenya | | Kenyan
Kosovo | | Kosovar
Kuwait | | Kuwaiti
Kyrgyzstan | | Kyrgyz
Laos | | Laotian
Latvia | | Latvian
Lebanon | | Lebanese
Lesotho
Liberia | | Liberian
Libya | | Libyan
Liechtenstein
Lithuania | | Lithuanian
Luxembourg
Madagascar | | Malagasy
Malawi | | Malawian
Malaysia | | Malaysian
Maldives
Mali | | Malian
Malta | | Maltese
Mauritania | | Mauritanian
Mauritius
Mexico | | Mexican
Moldova | | Moldovan
Monaco
Mongolia | | Mongolian
Montenegro
Morocco | | Moroccan
Mozambique | | Mozambican
Myanmar | Burma | Burmese
Namibia | | Namibian
Nepal | | Nepalese, Nepali
Netherlands | Holland | Dutch
New Zealand
Nicaragua | | Nicaraguan
Niger | | Nigerien
Nigeria | | Nigerian
North Korea | DPRK | North Korean
North Macedonia | Macedonia | Macedonian
Norway | | Norwegian
Oman | | Omani
Pakistan | | Pakistani
Palestine | Palestinian territories | Palestinian
Panama | | Panamanian
Papua New Guinea
Paraguay | | Paraguayan
Peru | | Peruvian
Philippines | | Filipino, Philippine
Poland | | Polish
Portugal | | Portuguese
Qatar | | Qatari
Romania | | Romanian
Russia | Russian Federation | Russian
Rwanda | | Rwandan
Saudi Arabia | | Saudi
Senegal | | Senegalese
Serbia | | Serbian
Sierra Leone
Singapore
Slovakia | | Slovak
Slovenia | | Slovenian
Somalia | | Somali
South Africa | | South African
South Korea | | South Korean
South Sudan | | South Sudanese
Spain | | Spanish
Sri Lanka | | Sri Lankan
Sudan | | Sudanese
Sweden | | Swedish
Switzerland | | Swiss
Syria | | Syrian
Taiwan | | Taiwanese
Tajikistan | | Tajik
Tanzania | | Tanzanian
Thailand | | Thai
Tunisia | | Tunisian
Turkey | Türkiye | Turkish, Turk
Turkmenistan | | Turkmen
Uganda | | Ugandan
Ukraine | | Ukrainian
United Arab Emirates | UAE, Emirates | Emirati
United Kingdom | UK, Britain, Great Britain | British, Briton
United States | US, USA, U.S., United States of America, America | American
Uruguay | | Uruguayan
Uzbekistan | | Uzbek
Venezuela | | Venezuelan
Vietnam | Viet Nam | Vietnamese
Western Sahara | | Sahrawi
Yemen | | Yemeni
Zambia | | Zambian
Zimbabwe | | Zimbabwean
"""

US_STATES = """
Alabama | AL
Alaska | AK
Arizona | AZ
Arkansas | AR
California | CA
Colorado | CO
Connecticut | CT
Delaware | DE
Florida | FL
Hawaii | HI
Idaho | ID
Illinois | IL
Indiana | IN
Iowa | IA
Kansas | KS
Kentucky | KY
Louisiana | LA
Maine | ME
Maryland | MD
Massachusetts | MA
Michigan | MI
Minnesota | MN
Mississippi | MS
Missouri | MO
Montana | MT
Nebraska | NE
Nevada | NV
New Hampshire | NH
New Jersey | NJ
New Mexico | NM
New York | NY
North Carolina | NC
North Dakota | ND
Ohio | OH
Oklahoma | OK
Oregon | OR
Pennsylvania | PA
Rhode Island | RI
South Carolina | SC
South Dakota | SD
Tennessee | TN
Texas | TX
Utah | UT
Vermont | VT
Virginia | VA
Washington | WA
West Virginia | WV
Wisconsin | WI
Wyoming | WY
District of Columbia | DC, D.C.
"""

PLACES = """
Africa | | African
Europe | | European
Middle East
Latin America
South America
North America
Central America
North Africa
Sahel
Tripoli | Tarabulus
Benghazi | Bengasi
Misrata | Misurata, Misratah
Sirte | Sirt, Surt
Tobruk | Tubruq
Zawiya | Zawiyah
Sabha | Sebha
Derna | Darnah
Ajdabiya
Jufra | Al Jufra
Ghadames
Tarhuna | Tarhunah
Bani Walid
Zintan
Gharyan
Watiya | Al-Watiya
Kufra
Damascus
Aleppo | Halab
Idlib
Homs | Hims
Hama | Hamah
Raqqa | Raqqah
Deir ez-Zor | Deir el-Zour, Deir al-Zour, Deir ez-Zour, Deir Ezzor, Dayr az-Zawr
Qamishli | Kamishli, Qamishlo
Latakia | Lattakia
Tartus | Tartous
Daraa | Deraa
Afrin
Kobani | Kobane
Manbij
Palmyra | Tadmur
Khmeimim | Hmeimim, Khmeimim Air Base, Hmeimim Air Base
Moscow
Ankara
Istanbul
Cairo
Beirut
Baghdad
Mosul
Basra
Erbil
Kirkuk
Kabul
Kandahar
Kyiv | Kiev
Kharkiv | Kharkov
Odesa | Odessa
Mariupol
Donetsk
Luhansk | Lugansk
Crimea
Bakhmut
Gaza | Gaza Strip
Jerusalem
Tel Aviv
West Bank
Tehran | Teheran
Riyadh
Sanaa | Sana'a
Aden
Hodeidah | Hudaydah
Khartoum
Darfur
Mogadishu
Bamako
Niamey
Ouagadougou
Tunis
Algiers
Rabat
Amman
Doha
Abu Dhabi
Dubai
London
Paris
Berlin
Brussels
Geneva
Rome
Athens
Beijing | Peking
Islamabad
Kashmir
Nairobi
Addis Ababa
Tigray
Juba
Goma
Kinshasa
"""

ORGANISATIONS = """
United Nations | UN, U.N.
NATO | North Atlantic Treaty Organization
European Union | EU
African Union | AU
Arab League | League of Arab States
Islamic State | ISIS, ISIL, Daesh, Islamic State of Iraq and Syria
al-Qaeda | al-Qaida, Al Qaeda
Hezbollah | Hizbullah, Hizballah
Hamas
Taliban
Houthis | Houthi, Ansar Allah
Wagner Group | Wagner, PMC Wagner
Syrian Democratic Forces | SDF
PKK | Kurdistan Workers' Party
YPG | People's Protection Units
Government of National Accord | GNA
Libyan National Army | LNA
Red Cross | ICRC, International Committee of the Red Cross
UNHCR | UN Refugee Agency
World Health Organization | WHO
Amnesty International | Amnesty
Human Rights Watch | HRW
Pentagon | US Department of Defense, Department of Defense, Defense Department, DoD
Kremlin
International Criminal Court | ICC
"""

PEOPLE = """
Khalifa Haftar | Haftar, Hifter, Khalif Haftar, Khalifa Hifter, Haftir
Fayez al-Sarraj | Sarraj, Saraj, Serraj, Fayez Sarraj, Faiez Serraj
Muammar Gaddafi | Gaddafi, Qaddafi, Gadhafi, Kadhafi, Moammar Gadhafi
Bashar al-Assad | Assad
Recep Tayyip Erdogan | Erdogan
Vladimir Putin | Putin
Yevgeny Prigozhin | Prigozhin
Volodymyr Zelensky | Zelensky, Zelenskyy
Abdel Fattah el-Sisi | Sisi
Benjamin Netanyahu | Netanyahu
"""


def entries() -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(canonical, other spellings, adjectives) for every built-in name."""
    out = []
    for block in (COUNTRIES, US_STATES, PLACES, ORGANISATIONS, PEOPLE):
        for line in block.strip().splitlines():
            parts = [p.strip() for p in line.split("|")] + ["", ""]
            spellings, adjectives = (
                tuple(s.strip() for s in p.split(",") if s.strip()) for p in parts[1:3]
            )
            out.append((parts[0], spellings, adjectives))
    return out
