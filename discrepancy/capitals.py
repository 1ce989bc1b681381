"""National capitals, as news writes them: "the capital" in an about is one of these, and never
a country or another city (see `discrepancy.match`)."""

from __future__ import annotations

CAPITALS = """
Kabul, Tirana, Algiers, Andorra la Vella, Luanda, Buenos Aires, Yerevan, Canberra, Vienna, Baku,
Nassau, Manama, Dhaka, Bridgetown, Minsk, Brussels, Belmopan, Porto-Novo, Thimphu, La Paz, Sucre,
Sarajevo, Gaborone, Brasilia, Bandar Seri Begawan, Sofia, Ouagadougou, Gitega, Bujumbura,
Phnom Penh, Yaounde, Ottawa, Praia, Bangui, N'Djamena, Santiago, Beijing, Bogota, Moroni,
Brazzaville, Kinshasa, San Jose, Yamoussoukro, Abidjan, Zagreb, Havana, Nicosia, Prague,
Copenhagen, Djibouti, Roseau, Santo Domingo, Quito, Cairo, San Salvador, Malabo, Asmara,
Tallinn, Mbabane, Addis Ababa, Suva, Helsinki, Paris, Libreville, Banjul, Tbilisi, Berlin,
Accra, Athens, Guatemala City, Conakry, Bissau, Georgetown, Port-au-Prince, Tegucigalpa,
Budapest, Reykjavik, New Delhi, Delhi, Jakarta, Tehran, Baghdad, Dublin, Jerusalem, Tel Aviv,
Rome, Kingston, Tokyo, Amman, Astana, Nairobi, Pristina, Kuwait City, Bishkek, Vientiane, Riga,
Beirut, Maseru, Monrovia, Tripoli, Vaduz, Vilnius, Luxembourg, Antananarivo, Lilongwe,
Kuala Lumpur, Male, Bamako, Valletta, Nouakchott, Port Louis, Mexico City, Chisinau, Monaco,
Ulaanbaatar, Podgorica, Rabat, Maputo, Naypyidaw, Yangon, Windhoek, Kathmandu, Amsterdam,
The Hague, Wellington, Managua, Niamey, Abuja, Pyongyang, Skopje, Oslo, Muscat, Islamabad,
Ramallah, Panama City, Port Moresby, Asuncion, Lima, Manila, Warsaw, Lisbon, Doha, Bucharest,
Moscow, Kigali, Apia, San Marino, Riyadh, Dakar, Belgrade, Victoria, Freetown, Singapore,
Bratislava, Ljubljana, Honiara, Mogadishu, Pretoria, Cape Town, Seoul, Juba, Madrid, Colombo,
Khartoum, Paramaribo, Stockholm, Bern, Damascus, Taipei, Dushanbe, Dodoma, Dar es Salaam,
Bangkok, Dili, Lome, Port of Spain, Tunis, Ankara, Ashgabat, Kampala, Kyiv, Kiev, Abu Dhabi,
London, Washington, Montevideo, Tashkent, Caracas, Hanoi, Sanaa, Aden, Lusaka, Harare, Gaza City
"""


def capitals() -> frozenset[str]:
    return frozenset(c.strip() for c in CAPITALS.replace("\n", " ").split(",") if c.strip())
