//! Built-in lexicon data: leaders, ministers and government agencies that matter to the field.

extension BuiltinLexicon {
  /// People. Columns: `id | name | English | aliases (;)`.
  static let people = """
    kishida-fumio | 岸田文雄 | Kishida Fumio | 岸田;岸田首相;Kishida;Fumio Kishida
    abe-shinzo | 安倍晋三 | Abe Shinzo | 安倍;安倍首相;Shinzo Abe
    suga-yoshihide | 菅义伟 | Suga Yoshihide | 菅义伟首相;Yoshihide Suga
    ishiba-shigeru | 石破茂 | Ishiba Shigeru | Shigeru Ishiba
    noda-yoshihiko | 野田佳彦 | Noda Yoshihiko |
    aso-taro | 麻生太郎 | Aso Taro |
    koizumi-junichiro | 小泉纯一郎 | Koizumi Junichiro |
    hatoyama-yukio | 鸠山由纪夫 | Hatoyama Yukio |
    fukuda-takeo | 福田赳夫 | Fukuda Takeo |
    fukuda-yasuo | 福田康夫 | Fukuda Yasuo |
    hashimoto-ryutaro | 桥本龙太郎 | Hashimoto Ryutaro |
    obuchi-keizo | 小渊惠三 | Obuchi Keizo |
    mori-yoshiro | 森喜朗 | Mori Yoshiro |
    yoshida-shigeru | 吉田茂 | Yoshida Shigeru |
    sato-eisaku | 佐藤荣作 | Sato Eisaku |
    miki-takeo | 三木武夫 | Miki Takeo |
    nakasone-yasuhiro | 中曾根康弘 | Nakasone Yasuhiro | 中曾根
    hagiuda-koichi | 萩生田光一 | Hagiuda Koichi | 萩生田
    nishimura-yasutoshi | 西村康稔 | Nishimura Yasutoshi |
    akiba-takeo | 秋叶刚男 | Akiba Takeo |
    hayashi-yoshimasa | 林芳正 | Hayashi Yoshimasa | 林外相;林外务大臣;林外務大臣
    kamikawa-yoko | 上川阳子 | Kamikawa Yoko |
    motegi-toshimitsu | 茂木敏充 | Motegi Toshimitsu | Motegi Toshimitsu
    kono-taro | 河野太郎 | Kono Taro |
    kawaguchi-yoriko | 川口顺子 | Kawaguchi Yoriko |
    hamada-yasukazu | 滨田靖一 | Hamada Yasukazu |
    kihara-minoru | 木原稔 | Kihara Minoru |
    kishi-nobuo | 岸信夫 | Kishi Nobuo | 岸防相;岸防卫相;岸防卫大臣;岸防衛大臣
    onodera-itsunori | 小野寺五典 | Onodera Itsunori |
    yamazaki-koji | 山崎幸二 | Yamazaki Koji |
    kono-katsutoshi | 河野克俊 | Kono Katsutoshi |
    yoshida-yoshihide | 吉田圭秀 | Yoshida Yoshihide |
    koda-yoji | 香田洋二 | Koda Yoji |
    sakai-ryo | 酒井良 | Sakai Ryo | 酒井亮
    izutsu-shunji | 井筒俊司 | Izutsu Shunji |
    biden | 拜登 | Joe Biden | 约瑟夫·拜登;Biden
    trump | 特朗普 | Donald Trump | 唐纳德·特朗普;Trump
    obama | 奥巴马 | Barack Obama | 巴拉克·奥巴马;Obama
    blinken | 布林肯 | Antony Blinken | 安东尼·布林肯;Blinken
    austin | 奥斯汀 | Lloyd Austin | 劳埃德·奥斯汀
    sullivan | 沙利文 | Jake Sullivan | 杰克·沙利文;Jake Sullivan
    campbell | 坎贝尔 | Kurt Campbell | 库尔特·坎贝尔
    katherine-tai | 戴琪 | Katherine Tai |
    raimondo | 雷蒙多 | Gina Raimondo | 吉娜·雷蒙多
    pelosi | 佩洛西 | Nancy Pelosi | 南希·佩洛西
    rahm-emanuel | 伊曼纽尔 | Rahm Emanuel | 拉姆·伊曼纽尔;Rahm Emanuel
    stoltenberg | 斯托尔滕贝格 | Jens Stoltenberg | 延斯·斯托尔滕贝格;斯图尔滕贝格;斯托尔滕伯格;Stoltenberg;ストルテンベルグ
    rutte | 吕特 | Mark Rutte | 马克·吕特
    julianne-smith | 朱莉安娜·史密斯 | Julianne Smith | Julianne Smith
    vestager | 维斯塔格 | Margrethe Vestager | 玛格丽特·维斯塔格;Vestager
    rasmussen | 拉斯穆森 | Anders Fogh Rasmussen |
    xi-jinping | 习近平 | Xi Jinping | Xi Jinping
    wang-yi | 王毅 | Wang Yi |
    li-qiang | 李强 | Li Qiang |
    yoon-suk-yeol | 尹锡悦 | Yoon Suk Yeol |
    albanese | 阿尔巴尼斯 | Anthony Albanese |
    modi | 莫迪 | Narendra Modi |
    marcos | 小马科斯 | Ferdinand Marcos Jr. | 马科斯
    eduardo-ano | 安约 | Eduardo Año | 爱德华多·安约;Eduardo Año;Eduardo Ano
    duterte | 杜特尔特 | Rodrigo Duterte |
    prayut | 巴育 | Prayut Chan-o-cha |
    pham-minh-chinh | 范明政 | Pham Minh Chinh |
    bui-thanh-son | 裴青山 | Bui Thanh Son |
    tsai-ing-wen | 蔡英文 | Tsai Ing-wen |
    lai-ching-te | 赖清德 | Lai Ching-te |
    putin | 普京 | Vladimir Putin | 弗拉基米尔·普京;Putin
    zelensky | 泽连斯基 | Volodymyr Zelensky | Zelensky;Zelenskyy;ゼレンスキー
    joko-widodo | 佐科 | Joko Widodo | 佐科·维多多
    macron | 马克龙 | Emmanuel Macron | 埃马纽埃尔·马克龙
    scholz | 朔尔茨 | Olaf Scholz | 舒尔茨
    sunak | 苏纳克 | Rishi Sunak | Sunak;スナク
    meloni | 梅洛尼 | Giorgia Meloni |
    tokayev | 托卡耶夫 | Kassym-Jomart Tokayev |
    mirziyoyev | 米尔济约耶夫 | Shavkat Mirziyoyev |
    """

  /// Governments, ministries, forces and parties. Columns: `id | name | English | aliases (;)`.
  static let agencies = """
    japan-mofa | 外务省 | Ministry of Foreign Affairs of Japan | 日本外务省;外務省;MOFA;Ministry of Foreign Affairs of Japan
    japan-mod | 防卫省 | Ministry of Defense of Japan | 日本防卫省;防衛省;防卫厅;防衛庁
    japan-sdf | 自卫队 | Japan Self-Defense Forces | 日本自卫队;海陆空自卫队;陆海空自卫队;自衛隊;SDF;JSDF
    japan-gsdf | 陆上自卫队 | Japan Ground Self-Defense Force | 陆自;陸上自衛隊;JGSDF
    japan-msdf | 海上自卫队 | Japan Maritime Self-Defense Force | 日本海上自卫队;海自;海上自衛隊;JMSDF;自衛艦隊;自卫舰队;日本海上自衛隊
    japan-asdf | 航空自卫队 | Japan Air Self-Defense Force | 空自;航空自衛隊;JASDF
    japan-cabinet-office | 内阁府 | Cabinet Office of Japan | 内閣府
    japan-cabinet-secretariat | 内阁官房 | Cabinet Secretariat of Japan | 内閣官房
    japan-kantei | 首相官邸 | Prime Minister's Office of Japan | 日本首相官邸
    nisc | 内阁网络安全中心 | National center of Incident readiness and Strategy for Cybersecurity (Japan) | 内阁官房网络安全中心;内閣サイバーセキュリティセンター;NISC
    japan-nsc | 国家安全保障会议 | National Security Council (Japan) | 日本国家安全保障会议;日本版国家安全委员会
    japan-nss | 国家安全保障局 | National Security Secretariat (Japan) | 日本国家安全保障局
    japan-meti | 经济产业省 | Ministry of Economy, Trade and Industry | 经产省;経済産業省;METI;Ministry of Economy, Trade and Industry
    japan-mof | 财务省 | Ministry of Finance of Japan | 財務省
    japan-moe | 环境省 | Ministry of the Environment of Japan | 日本环境省;環境省
    japan-mic | 总务省 | Ministry of Internal Affairs and Communications | 日本总务省;総務省
    japan-npa | 警察厅 | National Police Agency of Japan | 日本警察厅;警察庁
    japan-coast-guard | 海上保安厅 | Japan Coast Guard | 日本海上保安厅;海上保安庁;Japan Coast Guard
    jica | 国际协力机构 | Japan International Cooperation Agency | 日本国际协力机构;日本国际合作机构;JICA
    jbic | 日本国际协力银行 | Japan Bank for International Cooperation | 国际协力银行;JBIC
    nexi | 日本出口投资保险公司 | Nippon Export and Investment Insurance | 日本贸易保险;日本出口和投资保险公司;NEXI
    jetro | 日本贸易振兴机构 | JETRO | JETRO
    japan-diet | 日本国会 | National Diet of Japan | 日本众议院;日本参议院
    ldp | 自民党 | Liberal Democratic Party | 自由民主党;日本自民党;LDP
    komeito | 公明党 | Komeito |
    keidanren | 经团联 | Keidanren | 日本经济团体联合会
    white-house | 白宫 | White House | White House
    us-state-department | 美国国务院 | US Department of State | 美国国务院;State Department;Department of State
    us-commerce-department | 美国商务部 | US Department of Commerce | Department of Commerce;Commerce Department
    us-defense-department | 美国国防部 | US Department of Defense | 五角大楼;Pentagon;Department of Defense;Defense Department
    us-congress | 美国国会 | US Congress | 美国国会参议院;美国国会众议院;美国众议院;美国参议院
    ustr | 美国贸易代表办公室 | Office of the US Trade Representative | 美国贸易代表;USTR
    indopacom | 美国印太司令部 | US Indo-Pacific Command | 印太司令部;INDOPACOM;印度太平洋司令部;美国印度太平洋司令部
    usfj | 驻日美军 | US Forces Japan | 在日美军;USFJ
    usaid | 美国国际开发署 | US Agency for International Development | USAID;美国国际发展署
    """
}
