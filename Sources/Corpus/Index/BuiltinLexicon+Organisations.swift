//! Built-in lexicon data: international organisations, standing mechanisms, groupings and instruments.

extension BuiltinLexicon {
  /// International and regional organisations. Columns: `id | name | English | aliases (;) | members (;)`.
  static let organisations = """
    united-nations | 联合国 | United Nations | UN;United Nations | 
    un-security-council | 联合国安理会 | UN Security Council | 安理会;联合国安全理事会;UNSC |
    asean | 东盟 | ASEAN | 东南亚国家联盟;東南アジア諸国連合;东盟国家;东盟各国;ASEAN | 
    asean-secretariat | 东盟秘书处 | ASEAN Secretariat | ASEAN Secretariat |
    nato | 北约 | NATO | 北大西洋公约组织;北大西洋条約機構;NATO;North Atlantic Treaty Organization |
    european-union | 欧盟 | European Union | 欧洲联盟;EU;European Union |
    european-commission | 欧盟委员会 | European Commission | 欧委会;European Commission |
    african-union | 非洲联盟 | African Union | 非盟;African Union |
    sco | 上海合作组织 | Shanghai Cooperation Organisation | 上合组织;SCO |
    csto | 集体安全条约组织 | Collective Security Treaty Organization | 集安组织;CSTO |
    cis | 独立国家联合体 | Commonwealth of Independent States | 独联体;CIS |
    eaeu | 欧亚经济联盟 | Eurasian Economic Union | EAEU |
    gcc | 海湾阿拉伯国家合作委员会 | Gulf Cooperation Council | 海合会;GCC |
    arab-league | 阿拉伯国家联盟 | Arab League | 阿盟 |
    pacific-islands-forum | 太平洋岛国论坛 | Pacific Islands Forum | PIF;Pacific Islands Forum |
    oecd | 经济合作与发展组织 | OECD | 经合组织;OECD |
    wto | 世界贸易组织 | World Trade Organization | 世贸组织;WTO |
    imf | 国际货币基金组织 | International Monetary Fund | IMF |
    world-bank | 世界银行 | World Bank | 世行;World Bank |
    adb | 亚洲开发银行 | Asian Development Bank | 亚开行;ADB |
    aiib | 亚洲基础设施投资银行 | Asian Infrastructure Investment Bank | 亚投行;AIIB |
    iaea | 国际原子能机构 | International Atomic Energy Agency | IAEA |
    who | 世界卫生组织 | World Health Organization | 世卫组织;WHO |
    osce | 欧洲安全与合作组织 | OSCE | 欧安组织;OSCE |
    apec | 亚太经济合作组织 | Asia-Pacific Economic Cooperation | 亚太经合组织;APEC |
    g7 | 七国集团 | G7 | G7;七国集团峰会;G7峰会 | united-states;japan;germany;united-kingdom;france;italy;canada
    g20 | 二十国集团 | G20 | G20;二十国集团峰会 |
    brics | 金砖国家 | BRICS | 金砖国家合作机制;BRICS |
    mekong-river-commission | 湄公河委员会 | Mekong River Commission | MRC |
    north-atlantic-council | 北大西洋理事会 | North Atlantic Council | NAC |
    nato-military-committee | 北约军事委员会 | NATO Military Committee | NATO Military Committee |
    nato-nuclear-planning-group | 北约核计划小组 | NATO Nuclear Planning Group | 核计划小组;Nuclear Planning Group;NPG |
    nato-ccdcoe | 北约卓越合作网络防御中心 | NATO Cooperative Cyber Defence Centre of Excellence | 北约网络防御中心;北约合作网络防御卓越中心;北约卓越网络防御中心;CCDCOE;サイバー防衛協力センター |
    european-council | 欧洲理事会 | European Council | European Council |
    european-parliament | 欧洲议会 | European Parliament | European Parliament |
    soviet-union | 苏联 | Soviet Union | 苏维埃社会主义共和国联盟;USSR;Soviet Union |
    """

  /// Standing mechanisms: dialogues, strategies, visions, agreements, initiatives, summits, minilateral
  /// groupings, aid instruments. Columns as `organisations`.
  static let mechanisms = """
    integrated-deterrence | 一体化威慑 | Integrated Deterrence | 综合威慑;整合威慑;Integrated Deterrence |
    hub-and-spoke | 轴辐体系 | Hub-and-Spoke Alliance System | 轴辐式同盟体系;轴辐式同盟;轴辐同盟;轴辐式;轴辐;辐辏体系;辐辏模式;hub-and-spoke;San Francisco System;旧金山体系 |
    indo-pacific-deployment | 印太部署 | Indo-Pacific Deployment | 印太部署行动;Indo-Pacific Deployment;IPD |
    quad | 四方安全对话 | Quad | 四边安全对话;四方机制;四边机制;四方会谈机制;四方首脑会谈;四方领导人会议;四方领导人峰会;美日印澳四边机制;美日澳印四边机制;日美澳印四边机制;日美印澳四边机制;日米豪印;美日印澳四方安全对话;四国机制;Quad;QUAD;Quadrilateral Security Dialogue | united-states;japan;australia;india
    democratic-security-diamond | 民主安全菱形 | Democratic Security Diamond | 亚洲民主安全菱形;安全菱形;Democratic Security Diamond;Security Diamond | united-states;japan;australia;india
    aukus | 美英澳三边安全伙伴关系 | AUKUS | 美英澳三边安全伙伴;美英澳联盟;奥库斯;AUKUS;US-UK-Australia;US – UK – Australia | united-states;united-kingdom;australia
    us-japan-australia | 美日澳三边战略对话 | US–Japan–Australia Trilateral | 美日澳三边;日美澳三边;日美澳战略对话;TSD;Trilateral Strategic Dialogue;US-Japan-Australia;U.S.-Japan-Australia;United States-Japan-Australia;United States – Japan – Australia | united-states;japan;australia
    squad | 美日澳菲四边机制 | Squad (US–Japan–Australia–Philippines) | 日美澳菲四边机制;战术小分队;SQUAD | united-states;japan;australia;philippines
    gcap | 全球空中作战计划 | Global Combat Air Programme | 全球作战航空计划;全球作战航空项目;GCAP;Global Combat Air Programme;グローバル戦闘航空プログラム | japan;united-kingdom;italy
    us-japan-korea | 美日韩三边合作 | US–Japan–ROK Trilateral | 美日韩三边;日美韩三边;美日韩三边合作;戴维营峰会;戴维营首脑会晤;戴维营精神;Camp David;US-Japan-Republic of Korea;U. S.-Japan-Republic of Korea;United States-Japan-Republic of Korea;United States – Japan – Republic of Korea;US-Japan-ROK;戴维营会晤;戴维营 | united-states;japan;south-korea
    us-japan-philippines | 美日菲三边合作 | US–Japan–Philippines Trilateral | 美日菲三边;日美菲三边;US-Japan-Philippines;United States – Japan – Philippines | united-states;japan;philippines
    us-japan-india | 美日印三边合作 | US–Japan–India Trilateral | 美日印三边;日美印三边;US-Japan-India;United States – Japan – India | united-states;japan;india
    china-japan-korea | 中日韩合作 | China–Japan–ROK Cooperation | 中日韩合作机制;中日韩峰会;中日韩领导人会议 | china;japan;south-korea
    japan-australia-india | 日澳印三边合作 | Japan–Australia–India Trilateral | 日澳印三边;日印澳三边 | japan;australia;india
    ip4 | 印太伙伴 | Indo-Pacific Partners (IP4) | 印太四国;亚太四国;亚太伙伴;亚太伙伴国;北约亚太伙伴;北约亚太伙伴国;IP4;AP4;Asia-Pacific Partners;Indo-Pacific Partners;アジア太平洋パートナー | japan;australia;new-zealand;south-korea
    nato-partners-across-the-globe | 北约全球伙伴 | NATO Partners across the Globe | 全球伙伴国;全球伙伴关系国;北约伙伴国;Partners across the Globe |
    nato-summit | 北约峰会 | NATO Summit | 北约首脑峰会;北约首脑会议;NATO Summit;NATO首脳会合;马德里峰会;维尔纽斯峰会;华盛顿峰会 |
    snmg | 北约常设海上集群 | Standing NATO Maritime Groups | 北约海上常设作战部队;北约常设海上作战部队;SNMG |
    nato-strategic-concept | 北约战略概念 | NATO Strategic Concept | 北约新战略概念;北约新版战略概念;新版战略概念;Strategic Concept;新戦略概念;NATO戦略概念 |
    north-atlantic-treaty | 北大西洋公约 | North Atlantic Treaty | North Atlantic Treaty |
    nato-nuclear-sharing | 核共享 | NATO Nuclear Sharing | 核共享协议;核共享安排;核共享制度;核共享政策;核共有;Nuclear Sharing |
    partnership-for-peace | 和平伙伴关系计划 | Partnership for Peace | 和平伙伴关系;PfP |
    ipcp | 个别伙伴合作计划 | Individual Partnership and Cooperation Programme | 国别伙伴合作计划;伙伴关系合作计划;日本与北约国家伙伴关系合作计划;IPCP;国別パートナーシップ協力計画 |
    itpp | 个别定制伙伴关系计划 | Individually Tailored Partnership Programme | 国别定制伙伴关系计划;个别量身定制伙伴关系计划;个性化伙伴关系计划;ITPP;Individually Tailored Partnership Program;Individually Tailored Partnership Programme |
    nato-tokyo-liaison-office | 北约驻东京联络处 | NATO Tokyo Liaison Office | 北约东京联络处;北约联络处;北约驻日联络处 |
    us-japan-alliance | 日美同盟 | US–Japan Alliance | 美日同盟;日米同盟;日美联盟;美日联盟;US-Japan Alliance;U.S.-Japan Alliance;U. S.-Japan Alliance;U. S. -Japan Alliance;U. S. - Japan Alliance;US - Japan Alliance | united-states;japan
    us-japan-security-treaty | 日美安全保障条约 | US–Japan Security Treaty | 日美安保条约;美日安保条约;美日安全保障条约;日美安保;日美安保体制;美日安保体制;日美安全保障体制;美日安全保障体制 |
    us-japan-defense-guidelines | 日美防卫合作指针 | Guidelines for US–Japan Defense Cooperation | 美日防卫合作指针;日美防卫指针 |
    us-rok-alliance | 美韩同盟 | US–ROK Alliance | 韩美同盟 | united-states;south-korea
    ausmin | 澳美部长级磋商 | AUSMIN | 澳美部长级年度磋商;澳美部长级磋商会议;美澳部长级磋商;AUSMIN |
    us-australia-alliance | 美澳同盟 | US–Australia Alliance | 澳美同盟 | united-states;australia
    us-philippines-alliance | 美菲同盟 | US–Philippines Alliance | 菲美同盟 | united-states;philippines
    two-plus-two | 外长防长“2+2”会谈 | 2+2 Ministerial Dialogue | 2+2;“2+2”;外长与防长会谈;外交与防务“2+2”;安全保障协商委员会;2＋2;2 + 2;Foreign and Defense Ministerial Meeting;Security Consultative Committee |
    ipef | 印太经济框架 | Indo-Pacific Economic Framework | 印太繁荣经济框架;IPEF;Indo-Pacific Economic Framework |
    us-japan-economic-2plus2 | 日美经济政策磋商委员会 | US–Japan Economic Policy Consultative Committee | 日美经济“2+2”;美日经济“2+2” |
    rcep | 区域全面经济伙伴关系协定 | Regional Comprehensive Economic Partnership | 区域全面经济伙伴关系;RCEP |
    cptpp | 全面与进步跨太平洋伙伴关系协定 | CPTPP | 全面与进步跨太平洋伙伴关系;CPTPP |
    tpp | 跨太平洋伙伴关系协定 | Trans-Pacific Partnership | 跨太平洋伙伴关系;TPP |
    eu-japan-connectivity | 日欧互联互通伙伴关系 | EU–Japan Partnership on Sustainable Connectivity and Quality Infrastructure | 可持续互联互通和高质量基础设施伙伴关系;日欧可持续互联互通和高质量基础设施伙伴关系;日欧互联互通伙伴关系协议 | japan;european-union
    japan-eu-epa | 日欧经济伙伴关系协定 | Japan–EU Economic Partnership Agreement | 日欧EPA;日本-欧盟经济伙伴关系协定 |
    asean-indo-pacific-forum | 东盟印太论坛 | ASEAN-Indo-Pacific Forum | ASEANインド太平洋フォーラム;AIPF |
    arf | 东盟地区论坛 | ASEAN Regional Forum | ARF;ASEAN Regional Forum |
    asean-summit | 东盟峰会 | ASEAN Summit | 东盟首脑峰会;东盟首脑会议;东盟系列首脑峰会;东盟系列峰会;ASEAN Summit |
    asean-community | 东盟共同体 | ASEAN Community | 东盟经济共同体;东盟政治安全共同体;东盟社会文化共同体;ASEAN Community |
    eas | 东亚峰会 | East Asia Summit | EAS;East Asia Summit |
    admm-plus | 东盟防长扩大会议 | ADMM-Plus | 东盟防长扩大会;东盟国防部长扩大会议;ADMM-Plus;ADMM+ |
    asean-plus-three | 东盟与中日韩（10+3）合作 | ASEAN Plus Three | 东盟与中日韩;东盟10+3;10+3;东盟+3;APT;ASEAN Plus Three |
    asean-japan | 东盟—日本合作 | ASEAN–Japan Cooperation | 日本—东盟峰会;日本-东盟峰会;东盟-日本峰会;东盟与日本领导人会议;日本与东盟特别首脑会议;日本—东盟特别首脑峰会;日本东盟特别首脑峰会;日本—东盟首脑峰会;日本与东盟首脑峰会;日本—东盟友好合作;日ASEAN;Japan-ASEAN |
    asean-china | 中国—东盟合作 | ASEAN–China Cooperation | 东盟—中国（10+1）;中国—东盟（10+1）;中国—东盟合作机制 |
    aoip | 东盟印太展望 | ASEAN Outlook on the Indo-Pacific | 东盟“印太展望”;东盟的“印太展望”;印太展望;AOIP;ASEAN Outlook on the Indo-Pacific |
    shangri-la-dialogue | 香格里拉对话 | Shangri-La Dialogue | 香格里拉对话会;香格里拉峰会;亚洲安全会议;亚洲安全峰会;シャングリラ・ダイアローグ;Shangri-La Dialogue;アジア安全保障会議 |
    asem | 亚欧会议 | Asia–Europe Meeting | ASEM |
    ticad | 东京非洲发展国际会议 | TICAD | 非洲发展国际会议;TICAD |
    palm | 日本—太平洋岛国峰会 | Pacific Islands Leaders Meeting | 太平洋岛国峰会;PALM |
    partners-in-the-blue-pacific | 蓝色太平洋伙伴 | Partners in the Blue Pacific | 蓝色太平洋伙伴关系;PBP;Partners in the Blue Pacific |
    mekong-japan | 日本—湄公河合作 | Mekong–Japan Cooperation | 湄公河—日本合作;日本-湄公河合作;湄公河-日本合作;日本与湄公河国家首脑会议;日本—湄公河首脑会议 |
    lower-mekong-initiative | 湄公河下游倡议 | Lower Mekong Initiative | LMI |
    central-asia-plus-japan | “中亚+日本”对话 | Central Asia plus Japan Dialogue | 中亚+日本;“中亚+日本”;“中亚+日本”对话机制;中亚+日本对话;“中亚＋日本”;中亚＋日本;Central Asia plus Japan |
    jds | 人才育成奖学金计划 | Project for Human Resource Development Scholarship | 人才培养奖学金计划;JDS |
    jcm | 联合抵换额度机制 | Joint Crediting Mechanism | 双边碳信用制度;双边抵消机制;联合信用机制;JCM;Joint Crediting Mechanism |
    trans-caspian-route | 横跨里海国际运输航道 | Trans-Caspian International Transport Route | 跨里海国际运输走廊;跨里海国际运输路线;TITR |
    c5-plus-1 | C5+1 | C5+1 | |
    foip | 自由开放的印太 | Free and Open Indo-Pacific | 自由开放的印太战略;自由开放印太战略;自由开放的印太构想;自由而开放的印太;自由而开放印太战略;自由而开放的印太战略;自由而开放的“印太”;自由开放印太;自由、开放的印太;自由开放的印度太平洋;自由与开放的印太;FOIP;Free and Open Indo-Pacific;自由で開かれたインド太平洋 |
    foip-new-plan | 印太新计划 | New Plan for a Free and Open Indo-Pacific | 自由开放的印太新计划;FOIP新计划 |
    indo-pacific-strategy | 印太战略 | Indo-Pacific Strategy | 印太构想;Indo-Pacific Strategy;Indo-Pacific Vision;“印太”战略;インド太平洋戦略;インド太平洋構想 |
    arc-of-freedom-and-prosperity | 自由与繁荣之弧 | Arc of Freedom and Prosperity | 自由繁荣之弧;自由と繁栄の弧 |
    panoramic-diplomacy | 俯瞰地球仪外交 | Diplomacy Taking a Panoramic Perspective of the World Map | 俯瞰地球仪的外交;地球仪外交 |
    bri | 一带一路 | Belt and Road Initiative | 一带一路倡议;共建一带一路;BRI;Belt and Road;One Belt One Road;OBOR |
    digital-silk-road | 数字丝绸之路 | Digital Silk Road | Digital Silk Road |
    gdi | 全球发展倡议 | Global Development Initiative | GDI |
    gsi | 全球安全倡议 | Global Security Initiative | GSI |
    pgii | 全球基础设施和投资伙伴关系 | Partnership for Global Infrastructure and Investment | 全球基础设施投资伙伴关系;PGII |
    blue-dot-network | 蓝点网络 | Blue Dot Network | 蓝点网络计划;Blue Dot Network |
    quality-infrastructure | 高质量基础设施伙伴关系 | Partnership for Quality Infrastructure | 高质量基础设施合作伙伴关系;PQI |
    aagc | 亚非增长走廊 | Asia–Africa Growth Corridor | AAGC |
    chip4 | 芯片四方联盟 | Chip 4 Alliance | 芯片四方;Chip4;Chip 4 | united-states;japan;south-korea;taiwan
    msp | 矿产安全伙伴关系 | Minerals Security Partnership | 关键矿产安全伙伴关系;矿物安全伙伴关系;MSP |
    scri | 供应链韧性倡议 | Supply Chain Resilience Initiative | 供应链弹性倡议;SCRI;Supply Chain Resilience Initiative |
    ipmda | 印太海域态势感知伙伴关系 | Indo-Pacific Partnership for Maritime Domain Awareness | 印太海洋态势感知伙伴关系;IPMDA |
    azec | 亚洲零排放共同体 | Asia Zero Emission Community | アジア・ゼロエミッション共同体;Asia Zero Emission Community;AZEC |
    jaif | 日本—东盟一体化基金 | Japan–ASEAN Integration Fund | 日本东盟一体化基金;JAIF |
    oda | 政府开发援助 | Official Development Assistance | ODA;ODA援助;Official Development Assistance |
    osa | 政府安全援助 | Official Security Assistance | 官方安全援助;政府安全保障能力强化支援;政府安全能力强化支援;安全能力强化支援;OSA;Official Security Assistance |
    un-charter | 联合国宪章 | Charter of the United Nations | 国連憲章;UN Charter;Charter of the United Nations |
    capacity-building-assistance | 能力构建支援 | Capacity Building Assistance (Japan) | 能力建设支援;能力構築支援 |
    development-cooperation-charter | 开发合作大纲 | Development Cooperation Charter | 发展合作大纲;ODA大纲;政府开发援助大纲 |
    national-security-strategy | 国家安全保障战略 | National Security Strategy (Japan) | 日本国家安全战略;日本国家安全保障战略;国家安全保障戦略;安保三文件;安保三份文件;Japan's National Security Strategy;Japan’s National Security Strategy;Japan's New National Security Strategy;Japan’s New National Security Strategy |
    three-conditions-use-of-force | 武力行使三条件 | Three Conditions for the Use of Force (Japan) | 武力行使新三条件;武力行使の三要件;武力行使の新三要件 |
    national-defense-strategy | 国家防卫战略 | National Defense Strategy (Japan) | 防卫计划大纲;防卫大纲 |
    defense-white-paper | 防卫白皮书 | Defense of Japan (white paper) | 日本防卫白皮书;防衛白書 |
    defense-buildup-program | 防卫力量整备计划 | Defense Buildup Program | 防卫力整备计划;防衛力整備計画;防卫力量整備计划;中期防卫力量整备计划;中期防 |
    peace-security-legislation | 和平安全法制 | Legislation for Peace and Security | 新安保法;安保法;安保法案;新安保法案;安保法制;平和安全法制 |
    peace-constitution | 和平宪法 | Constitution of Japan (Peace Constitution) | 日本国宪法;宪法第九条;Peace Constitution |
    exclusively-defense-oriented-policy | 专守防卫 | Exclusively Defense-Oriented Policy | 专守防卫政策;専守防衛 |
    collective-self-defense | 集体自卫权 | Right of Collective Self-Defense | 集団的自衛権;collective self-defense |
    counterstrike-capabilities | 反击能力 | Counterstrike Capabilities | 敌基地攻击能力;对敌基地攻击能力;反撃能力;敵基地攻撃能力;counterstrike capabilities |
    diplomatic-bluebook | 外交蓝皮书 | Diplomatic Bluebook | 外交青書;Diplomatic Bluebook |
    three-non-nuclear-principles | 无核三原则 | Three Non-Nuclear Principles | 非核三原则;非核三原則 |
    defense-equipment-transfer | 防卫装备转移三原则 | Three Principles on Transfer of Defense Equipment | 防卫装备转让三原则;武器出口三原则 |
    economic-security-promotion-act | 经济安全保障推进法 | Economic Security Promotion Act | 经济安全保障推进法案;经济安全保障促进法;经济安保推进法;经济安保法;経済安全保障推進法 |
    raa | 互惠准入协定 | Reciprocal Access Agreement | 互惠准入协议;RAA |
    acsa | 物资劳务相互提供协定 | Acquisition and Cross-Servicing Agreement | 采购与交叉服务协议;ACSA |
    gsomia | 军事情报保护协定 | General Security of Military Information Agreement | 军事情报综合保护协定;秘密军事情报保护协定;日韩秘密军事情报保护协定;日韩军事情报保护协定;情报保护协定;GSOMIA |
    equipment-technology-transfer-agreement | 防卫装备与技术转移协定 | Agreement on Transfer of Defense Equipment and Technology | 防卫装备品和技术转移协定;防卫装备和技术转移协定;防卫装备与技术转让协定;防卫装备和技术转让协定 |
    comprehensive-strategic-partnership | 全面战略伙伴关系 | Comprehensive Strategic Partnership | Comprehensive Strategic Partnership |
    fukuda-doctrine | 福田主义 | Fukuda Doctrine | Fukuda Doctrine |
    eurasian-diplomacy | 欧亚大陆外交 | Eurasian Diplomacy | 丝绸之路外交;丝绸之路地区外交 |
    freedom-edge | 自由刀刃 | Freedom Edge | 自由之刃;Freedom Edge |
    garuda-shield | 哥鲁达盾 | Garuda Shield | 神鹰之盾;Garuda Shield |
    malabar | 马拉巴尔演习 | Malabar Exercise | 马拉巴尔;Malabar |
    rimpac | 环太平洋军事演习 | RIMPAC | 环太平洋演习;RIMPAC |
    dharma-guardian | 达摩卫士 | Dharma Guardian | 达摩卫士演习;Dharma Guardian |
    veer-guardian | 维尔守护者 | Veer Guardian | 维尔守护者演习;Veer Guardian |
    talisman-sabre | 护身军刀 | Talisman Sabre | 护身军刀演习;Talisman Sabre;Talisman Saber |
    balikatan | 肩并肩演习 | Balikatan | 肩并肩联合军演;“肩并肩”演习;“肩并肩”联合军演;Balikatan |
    keen-sword | 利剑演习 | Keen Sword | 利剑军演;“利剑”演习;“利剑”联合军演;Keen Sword |
    yama-sakura | 山樱演习 | Yama Sakura | “山樱”演习;雅玛樱花;Yama Sakura |
    resolute-dragon | 坚毅之龙 | Resolute Dragon | 坚毅之龙演习;坚定之龙;Resolute Dragon |
    pacific-vanguard | 太平洋先锋 | Pacific Vanguard | 太平洋先锋演习;Pacific Vanguard |
    hiroshima-ai-process | 广岛人工智能进程 | Hiroshima AI Process | 广岛AI进程;Hiroshima AI Process |
    unclos | 联合国海洋法公约 | UNCLOS | UNCLOS |
    chips-act | 芯片与科学法案 | CHIPS and Science Act | 芯片法案;CHIPS Act;CHIPS and Science Act |
    inflation-reduction-act | 通胀削减法案 | Inflation Reduction Act | 通货膨胀削减法案;IRA |
    one-china-principle | 一个中国原则 | One-China Principle | 一中原则 |
    china-japan-four-political-documents | 中日四个政治文件 | Four Political Documents between China and Japan | 中日间四个政治文件;中日之间的四个政治文件 | china;japan
    """
}
