//! Built-in lexicon data: the states (Chinese full and short names, English, one-character compound forms).

extension BuiltinLexicon {
  /// One state a line: `id | name | English | aliases (;) | compound forms (;)`.
  /// A compound form is a one-character abbreviation counted only inside compounds (日美同盟, 中日关系).
  static let states = """
    japan | 日本 | Japan | 日方;Japan;Nippon;Nihon | 日
    united-states | 美国 | United States | 美利坚合众国;美方;美国政府;United States;USA;U.S.;U. S.;US;America;米国;アメリカ | 美
    china | 中国 | China | 中华人民共和国;中方;China;PRC;Sino | 中
    south-korea | 韩国 | South Korea | 大韩民国;韩方;South Korea;Republic of Korea;ROK;Korea;韓国 | 韩;韓
    north-korea | 朝鲜 | North Korea | 朝鲜民主主义人民共和国;北朝鲜;朝方;朝核;North Korea;DPRK;北朝鮮 | 朝
    russia | 俄罗斯 | Russia | 俄罗斯联邦;俄国;俄方;Russia;Russian Federation;ロシア | 俄
    india | 印度 | India | 印方;India;インド | 印
    australia | 澳大利亚 | Australia | 澳洲;澳方;Australia;オーストラリア;豪州 | 澳
    new-zealand | 新西兰 | New Zealand | New Zealand;ニュージーランド | 新
    philippines | 菲律宾 | Philippines | 菲方;Philippines;フィリピン | 菲
    united-kingdom | 英国 | United Kingdom | 大不列颠及北爱尔兰联合王国;英方;United Kingdom;Britain;UK;U.K.;U. K.;イギリス | 英
    france | 法国 | France | 法兰西共和国;法方;France;フランス | 法
    germany | 德国 | Germany | 德意志联邦共和国;德方;Germany;ドイツ | 德
    italy | 意大利 | Italy | 意方;Italy | 意
    vietnam | 越南 | Vietnam | 越方;Vietnam;Viet Nam;ベトナム | 越
    thailand | 泰国 | Thailand | 泰方;Thailand | 泰
    mongolia | 蒙古国 | Mongolia | 蒙古;Mongolia | 蒙
    canada | 加拿大 | Canada | 加方;Canada;カナダ | 加
    ukraine | 乌克兰 | Ukraine | 乌方;Ukraine;ウクライナ | 乌
    indonesia | 印度尼西亚 | Indonesia | 印尼;Indonesia;インドネシア |
    singapore | 新加坡 | Singapore | 狮城;Singapore |
    malaysia | 马来西亚 | Malaysia | Malaysia |
    myanmar | 缅甸 | Myanmar | Myanmar;Burma |
    cambodia | 柬埔寨 | Cambodia | Cambodia | 柬
    laos | 老挝 | Laos | Laos |
    brunei | 文莱 | Brunei | Brunei |
    timor-leste | 东帝汶 | Timor-Leste | Timor-Leste;East Timor |
    taiwan | 台湾地区 | Taiwan | 台湾;Taiwan |
    pakistan | 巴基斯坦 | Pakistan | Pakistan |
    bangladesh | 孟加拉国 | Bangladesh | 孟加拉;Bangladesh |
    sri-lanka | 斯里兰卡 | Sri Lanka | Sri Lanka |
    nepal | 尼泊尔 | Nepal | Nepal |
    bhutan | 不丹 | Bhutan | Bhutan |
    maldives | 马尔代夫 | Maldives | Maldives |
    afghanistan | 阿富汗 | Afghanistan | Afghanistan |
    kazakhstan | 哈萨克斯坦 | Kazakhstan | 哈萨克;Kazakhstan |
    uzbekistan | 乌兹别克斯坦 | Uzbekistan | 乌兹别克;Uzbekistan |
    kyrgyzstan | 吉尔吉斯斯坦 | Kyrgyzstan | 吉尔吉斯;Kyrgyzstan |
    tajikistan | 塔吉克斯坦 | Tajikistan | 塔吉克;Tajikistan |
    turkmenistan | 土库曼斯坦 | Turkmenistan | 土库曼;Turkmenistan |
    iran | 伊朗 | Iran | Iran |
    iraq | 伊拉克 | Iraq | Iraq |
    syria | 叙利亚 | Syria | Syria |
    jordan | 约旦 | Jordan | Jordan |
    lebanon | 黎巴嫩 | Lebanon | Lebanon |
    israel | 以色列 | Israel | Israel |
    palestine | 巴勒斯坦 | Palestine | Palestine |
    saudi-arabia | 沙特阿拉伯 | Saudi Arabia | 沙特;Saudi Arabia |
    united-arab-emirates | 阿联酋 | United Arab Emirates | 阿拉伯联合酋长国;UAE |
    qatar | 卡塔尔 | Qatar | Qatar |
    kuwait | 科威特 | Kuwait | Kuwait |
    bahrain | 巴林 | Bahrain | Bahrain |
    oman | 阿曼 | Oman | Oman |
    yemen | 也门 | Yemen | Yemen |
    turkey | 土耳其 | Türkiye | Turkey;Türkiye |
    georgia | 格鲁吉亚 | Georgia | |
    armenia | 亚美尼亚 | Armenia | Armenia |
    azerbaijan | 阿塞拜疆 | Azerbaijan | Azerbaijan |
    spain | 西班牙 | Spain | Spain |
    portugal | 葡萄牙 | Portugal | Portugal |
    netherlands | 荷兰 | Netherlands | Netherlands |
    belgium | 比利时 | Belgium | Belgium |
    luxembourg | 卢森堡 | Luxembourg | Luxembourg |
    switzerland | 瑞士 | Switzerland | Switzerland |
    austria | 奥地利 | Austria | Austria |
    sweden | 瑞典 | Sweden | Sweden |
    norway | 挪威 | Norway | Norway |
    finland | 芬兰 | Finland | Finland |
    denmark | 丹麦 | Denmark | Denmark |
    iceland | 冰岛 | Iceland | Iceland |
    ireland | 爱尔兰 | Ireland | Ireland |
    poland | 波兰 | Poland | Poland |
    czechia | 捷克 | Czechia | Czech Republic;Czechia |
    slovakia | 斯洛伐克 | Slovakia | Slovakia |
    hungary | 匈牙利 | Hungary | Hungary |
    romania | 罗马尼亚 | Romania | Romania |
    bulgaria | 保加利亚 | Bulgaria | Bulgaria |
    greece | 希腊 | Greece | Greece |
    serbia | 塞尔维亚 | Serbia | Serbia |
    croatia | 克罗地亚 | Croatia | Croatia |
    slovenia | 斯洛文尼亚 | Slovenia | Slovenia |
    bosnia | 波斯尼亚和黑塞哥维那 | Bosnia and Herzegovina | 波黑 |
    montenegro | 黑山 | Montenegro | Montenegro |
    north-macedonia | 北马其顿 | North Macedonia | North Macedonia |
    albania | 阿尔巴尼亚 | Albania | Albania |
    belarus | 白俄罗斯 | Belarus | Belarus |
    moldova | 摩尔多瓦 | Moldova | Moldova |
    lithuania | 立陶宛 | Lithuania | Lithuania |
    latvia | 拉脱维亚 | Latvia | Latvia |
    estonia | 爱沙尼亚 | Estonia | Estonia |
    malta | 马耳他 | Malta | Malta |
    cyprus | 塞浦路斯 | Cyprus | Cyprus |
    mexico | 墨西哥 | Mexico | Mexico |
    brazil | 巴西 | Brazil | Brazil |
    argentina | 阿根廷 | Argentina | Argentina |
    chile | 智利 | Chile | Chile |
    peru | 秘鲁 | Peru | Peru |
    colombia | 哥伦比亚 | Colombia | Colombia |
    venezuela | 委内瑞拉 | Venezuela | Venezuela |
    cuba | 古巴 | Cuba | Cuba |
    ecuador | 厄瓜多尔 | Ecuador | Ecuador |
    bolivia | 玻利维亚 | Bolivia | Bolivia |
    uruguay | 乌拉圭 | Uruguay | Uruguay |
    paraguay | 巴拉圭 | Paraguay | Paraguay |
    panama | 巴拿马 | Panama | Panama |
    papua-new-guinea | 巴布亚新几内亚 | Papua New Guinea | 巴新;Papua New Guinea |
    fiji | 斐济 | Fiji | Fiji |
    solomon-islands | 所罗门群岛 | Solomon Islands | Solomon Islands |
    vanuatu | 瓦努阿图 | Vanuatu | Vanuatu |
    samoa | 萨摩亚 | Samoa | Samoa |
    tonga | 汤加 | Tonga | Tonga |
    kiribati | 基里巴斯 | Kiribati | Kiribati |
    tuvalu | 图瓦卢 | Tuvalu | Tuvalu |
    nauru | 瑙鲁 | Nauru | Nauru |
    palau | 帕劳 | Palau | Palau |
    micronesia | 密克罗尼西亚联邦 | Micronesia | 密克罗尼西亚 |
    marshall-islands | 马绍尔群岛 | Marshall Islands | Marshall Islands |
    egypt | 埃及 | Egypt | Egypt |
    south-africa | 南非 | South Africa | South Africa |
    nigeria | 尼日利亚 | Nigeria | Nigeria |
    ethiopia | 埃塞俄比亚 | Ethiopia | Ethiopia |
    kenya | 肯尼亚 | Kenya | Kenya |
    djibouti | 吉布提 | Djibouti | Djibouti |
    algeria | 阿尔及利亚 | Algeria | Algeria |
    morocco | 摩洛哥 | Morocco | Morocco |
    tunisia | 突尼斯 | Tunisia | Tunisia |
    libya | 利比亚 | Libya | Libya |
    sudan | 苏丹 | Sudan | Sudan |
    south-sudan | 南苏丹 | South Sudan | South Sudan |
    angola | 安哥拉 | Angola | Angola |
    tanzania | 坦桑尼亚 | Tanzania | Tanzania |
    uganda | 乌干达 | Uganda | Uganda |
    rwanda | 卢旺达 | Rwanda | Rwanda |
    ghana | 加纳 | Ghana | Ghana |
    senegal | 塞内加尔 | Senegal | Senegal |
    cote-d-ivoire | 科特迪瓦 | Côte d'Ivoire | |
    cameroon | 喀麦隆 | Cameroon | Cameroon |
    mozambique | 莫桑比克 | Mozambique | Mozambique |
    zimbabwe | 津巴布韦 | Zimbabwe | Zimbabwe |
    zambia | 赞比亚 | Zambia | Zambia |
    madagascar | 马达加斯加 | Madagascar | Madagascar |
    somalia | 索马里 | Somalia | Somalia |
    mali | 马里 | Mali | |
    niger | 尼日尔 | Niger | |
    """

  /// Regions and groupings of states that analysts treat as actors. Same columns as `groupings`.
  static let regions = """
    europe | 欧洲 | Europe | 欧洲国家;Europe;欧方;欧州 | | 欧
    central-asia | 中亚 | Central Asia | 中亚地区;中亚国家;Central Asia | |
    central-asian-five | 中亚五国 | Central Asian states | C5 | kazakhstan;uzbekistan;kyrgyzstan;tajikistan;turkmenistan |
    southeast-asia | 东南亚 | Southeast Asia | 东南亚地区;东南亚国家;Southeast Asia;東南アジア | |
    south-asia | 南亚 | South Asia | 南亚地区;南亚国家;South Asia | |
    east-asia | 东亚 | East Asia | 东亚地区;East Asia | |
    asia-pacific | 亚太 | Asia-Pacific | 亚太地区;Asia-Pacific;Asia Pacific;アジア太平洋 | |
    indo-pacific | 印太 | Indo-Pacific | 印太地区;印度太平洋;Indo-Pacific;インド太平洋 | |
    northeast-asia | 东北亚 | Northeast Asia | 东北亚地区;Northeast Asia | |
    south-pacific | 南太平洋 | South Pacific | 南太平洋地区;南太地区;South Pacific | |
    caucasus | 高加索 | Caucasus | 高加索地区;南高加索;外高加索;Caucasus;South Caucasus | |
    middle-east | 中东 | Middle East | 中东地区;中东国家;Middle East | |
    pacific-islands | 太平洋岛国 | Pacific Island countries | 南太平洋岛国;太平洋岛屿国家;Pacific Island Countries | |
    global-south | 全球南方 | Global South | Global South | |
    five-eyes | 五眼联盟 | Five Eyes | 五眼;Five Eyes;FVEY | united-states;united-kingdom;canada;australia;new-zealand |
    """
}
