//! Tests for the mention scanner: aliases, compounds, the one-character rule, Latin boundaries, traps.
import Testing

@testable import Corpus

@Suite struct MentionScannerTests {
  @Test func fullNamesAndAbbreviations() {
    checkMentions("日本与东盟加强合作", ["japan:日本", "asean:东盟"])
    // A mechanism's name that holds an actor's alias mentions that actor too (every alias is indexed; the
    // co-occurrence report does not let it meet its own mechanism).
    checkMentions("东盟地区论坛召开会议", ["arf:东盟地区论坛", "asean:东盟"])
    checkMentions("北约秘书长访问东京", ["nato:北约"])
  }

  @Test func longestMatchWins() {
    checkMentions("印度尼西亚和印度", ["indonesia:印度尼西亚", "india:印度"])
    checkMentions("东盟防长扩大会议", ["admm-plus:东盟防长扩大会议", "asean:东盟"])
    checkMentions("海上自卫队", ["japan-msdf:海上自卫队"])
  }

  @Test func compoundOfStatesResolvesToGroupingAndMembers() {
    checkMentions(
      "日美澳印合作",
      ["quad:日美澳印", "japan:日", "united-states:美", "australia:澳", "india:印"])
    checkMentions(
      "日澳新韩首脑", ["ip4:日澳新韩", "japan:日", "australia:澳", "new-zealand:新", "south-korea:韩"])
    checkMentions("美英澳", ["aukus:美英澳", "united-states:美", "united-kingdom:英", "australia:澳"])
  }

  @Test func pairsNameTheirStatesOnly() {
    checkMentions("中日关系", ["china:中", "japan:日"])
    checkMentions("日美同盟", ["us-japan-alliance:日美同盟", "japan:日", "united-states:美"])
    checkMentions("日美韩三方", ["us-japan-korea:日美韩", "japan:日", "united-states:美", "south-korea:韩"])
  }

  @Test func singleCharactersNeverCountAlone() {
    checkMentions("日期已定", [])
    checkMentions("美好的愿望", [])
    checkMentions("中方立场", ["china:中方"])
    checkNoMention("在其中日本的角色", of: "china")
    checkMentions("在其中日本的角色", ["japan:日本"])
  }

  @Test func regionsAreMentionedOnlyOutsideNames() {
    checkMentions("亚太地区的秩序", ["asia-pacific:亚太地区"])
    checkMentions("美国在“印太”地区", ["united-states:美国", "indo-pacific:印太"])
    checkMentions("对印太地区的投入", ["indo-pacific:印太地区"])
    checkMentions("the Indo-Pacific region", ["indo-pacific:Indo-Pacific"])
    // Inside a name, a region is part of the name: the forum, the strategy, the organisation are mentioned.
    checkMentions("东亚峰会期间", ["eas:东亚峰会"])
    checkMentions("日本的印太战略", ["japan:日本", "indo-pacific-strategy:印太战略"])
    checkMentions("推进“印太”战略", ["indo-pacific-strategy:“印太”战略"])
    checkMentions("亚太经合组织", ["apec:亚太经合组织"])
    checkMentions("自由で開かれたインド太平洋", ["foip:自由で開かれたインド太平洋"])
    checkMentions("NATOアジア太平洋パートナー", ["nato:NATO", "ip4:アジア太平洋パートナー"])
  }

  @Test func aRunJoinedInsideANameSpellsItsStates() {
    checkMentions(
      "东盟与中日韩合作",
      ["asean-plus-three:东盟与中日韩", "asean:东盟", "china:中", "japan:日", "south-korea:韩"])
    // One form after 与 is no run: 东盟与日本 names Japan by its full name.
    checkMentions("东盟与日本", ["asean:东盟", "japan:日本"])
  }

  @Test func falsePositiveTraps() {
    checkNoMention("印太地区的秩序", of: "india")
    checkNoMention("以美元计价", of: "united-states")
    checkNoMention("研究中心的报告", of: "china")
    checkNoMention("英语教学", of: "united-kingdom")
    checkNoMention("新的合作方式", of: "new-zealand")
    checkMentions("新加坡和新西兰", ["singapore:新加坡", "new-zealand:新西兰"])
    checkNoMention("采取新方法", of: "france")
    checkNoMention("法治与道德", of: "germany")
    checkNoMention("双方同意", of: "italy")
    checkNoMention("日美加强合作", of: "canada")
    checkNoMention("5月16日美国宣布", of: "japan")
    checkNoMention("越来越多的国家", of: "vietnam")
    checkNoMention("发展中国家", of: "china")
    checkNoMention("《朝日新闻》报道", of: "north-korea")
  }

  @Test func latinAliasesRespectWordBoundariesAndCase() {
    checkMentions("the EU and ASEAN", ["european-union:EU", "asean:ASEAN"])
    checkNoMention("EUROPE", of: "european-union")
    checkNoMention("let us go", of: "united-states")
    checkMentions("Quad meeting, the quad", ["quad:Quad", "quad:quad"])
    checkNoMention("https://www.nato.int/cps/en", of: "nato")
    checkMentions("日本ODA援助", ["japan:日本", "oda:ODA援助"])
    checkMentions("QUAD与AUKUS", ["quad:QUAD", "aukus:AUKUS"])
  }

  @Test func wordsThatHoldAStateCharacterAreNoMention() {
    checkNoMention("美元汇率走低", of: "united-states")
    checkNoMention("日元贬值", of: "japan")
    checkNoMention("中东局势", of: "china")
    checkNoMention("航程三千英里，口径五英寸", of: "united-kingdom")
    checkNoMention("依照法律推进法治", of: "france")
    checkNoMention("道德与品德", of: "germany")
    checkMentions("印度尼西亚", ["indonesia:印度尼西亚"])
    checkNoMention("朝鲜半岛局势", of: "north-korea")
  }

  @Test func dayWordsDoNotHideJapan() {
    checkMentions("这表明日本的立场", ["japan:日本"])
    checkMentions("当前日本与近日本国", ["japan:日本", "japan:日本"])
    checkNoMention("今日美欧关系", of: "japan")
    checkMentions("今日美欧关系", ["united-states:美", "europe:欧"])
    // 迄今 and 首次 end before the 日: it opens a compound.
    checkMentions("迄今日澳两国", ["japan:日", "australia:澳"])
    checkMentions(
      "首次日美菲三方会议",
      [
        "us-japan-philippines:日美菲", "japan:日", "united-states:美", "philippines:菲",
      ])
    checkNoMention("次日美欧发表声明", of: "japan")
  }

  @Test func regionsOfTheField() {
    checkMentions("南亚与东南亚", ["south-asia:南亚", "southeast-asia:东南亚"])
    checkMentions("中东局势", ["middle-east:中东"])
    checkNoMention("中东欧国家", of: "middle-east")
    checkNoMention("中东局势", of: "china")
  }

  @Test func japaneseNamesOfStatesInFootnotes() {
    checkMentions("ロシアのウクライナ侵攻", ["russia:ロシア", "ukraine:ウクライナ"])
    checkMentions("米国と豪州", ["united-states:米国", "australia:豪州"])
    checkNoMention("「インド太平洋戦略」", of: "india")
    checkMentions("インドネシア", ["indonesia:インドネシア"])
  }

  @Test func aPairBeforeGuojiaIsAPairOfStates() {
    checkMentions("欧美国家纷纷跟进", ["europe:欧", "united-states:美"])
    checkMentions("美国家庭收入", ["united-states:美国"])
    checkMentions("与美国家族企业", ["united-states:美国"])
  }

  @Test func aFormBoundToAVerbOrPrepositionOfRelationIsAMention() {
    checkMentions("美国加强对华竞争", ["united-states:美国", "china:华"])
    checkMentions("共同声明具有对华、对朝、对俄指向性", ["china:华", "north-korea:朝", "russia:俄"])
    checkMentions("首相访日期间", ["japan:日"])
    checkMentions("议长窜台之后", ["taiwan:台"])
    checkMentions("扩大对乌援助", ["ukraine:乌"])
    // An item of an enumeration counts once; a form next to another is a run.
    checkMentions("对美、英、澳等国", ["united-states:美", "united-kingdom:英", "australia:澳"])
    checkMentions("随后访美", ["united-states:美"])
    // From a second audit: 亲 (pro-) binds a form too.
    checkMentions("尹锡悦政府的亲美亲日政策", ["yoon-suk-yeol:尹锡悦", "united-states:美", "japan:日"])
    checkNoMention("母亲节", of: "japan")
    checkNoMention("父亲英年早逝", of: "united-kingdom")
    checkNoMention("乡亲台下鼓掌", of: "taiwan")
  }

  @Test func aBoundFormThatStartsAWordIsNone() {
    checkNoMention("对日益激烈的竞争", of: "japan")
    checkNoMention("在法律框架内", of: "france")
    checkNoMention("对越来越多的国家", of: "vietnam")
    checkNoMention("反对华为的禁令", of: "china")
    checkNoMention("出访华沙", of: "china")
    checkNoMention("对中小企业", of: "china")
    checkNoMention("对新技术的投资", of: "new-zealand")
    checkNoMention("中华民族", of: "china")
    checkNoMention("在台上发言", of: "taiwan")
    checkNoMention("在台海地区", of: "taiwan")
    checkNoMention("走上舞台", of: "taiwan")
    checkMentions("华丽的辞藻", [])
    // From a review: places and words a form starts after any verb of relation.
    checkNoMention("中国常驻日内瓦代表团", of: "japan")
    checkNoMention("外交部驻澳门特派员公署", of: "australia")
    checkNoMention("赴乌鲁木齐考察", of: "ukraine")
    checkNoMention("涉法涉诉问题", of: "france")
    checkNoMention("世界反法西斯战争", of: "france")
    checkNoMention("他在德黑兰会见", of: "germany")
    checkNoMention("双方在华约解散后", of: "china")
  }

  @Test func aFormNextToAFormInsideAWordIsStillBound() {
    checkMentions("驻华美国大使", ["china:华", "united-states:美国"])
  }

  @Test func aFormBeforeALatinNameSpellsItsState() {
    checkMentions("第26回日ASEAN首脳会議", ["asean-japan:日ASEAN", "japan:日", "asean:ASEAN"])
  }

  @Test func japaneseFormsCountInJapaneseText() {
    checkMentions(
      "「第9回日米豪閣僚級戦略対話(TSD)共同ステートメント」",
      ["us-japan-australia:日米豪", "japan:日", "united-states:米", "australia:豪", "us-japan-australia:TSD"])
    checkMentions("「日米韓首脳共同声明『キャンプ・デービッドの精神』」", ["us-japan-korea:日米韓", "japan:日", "united-states:米", "south-korea:韓"])
    checkMentions("「米中関係を超えて」", ["united-states:米", "china:中"])
    checkMentions("「印豪関係における新たな動き」", ["india:印", "australia:豪"])
    // A title in kanji only is Japanese by its characters (脳 is neither simplified nor traditional Chinese).
    checkMentions("「日独首脳会談」、外務省", ["japan:日", "germany:独", "japan-mofa:外務省"])
    checkMentions("「岸田総理とストルテンベルグNATO事務総長との会談」", ["kishida-fumio:岸田", "stoltenberg:ストルテンベルグ", "nato:NATO"])
    // In Chinese 米 is rice or metres and 露 dew: no state without kana.
    checkNoMention("长度为日米", of: "united-states")
    checkNoMention("中露天剧场", of: "russia")
    checkNoMention("中独资企业", of: "germany")
    // Ministers by surname and office, as Japanese titles name them.
    checkMentions("「岸防衛大臣による第7回会合への出席について」", ["kishi-nobuo:岸防衛大臣"])
    checkMentions("林外務大臣のビデオメッセージ", ["hayashi-yoshimasa:林外務大臣"])
  }

  @Test func anActorsNameOpeningAnInstitutionsNameIsNoMention() {
    checkNoMention("美国传统基金会高级研究员", of: "united-states")
    checkNoMention("日本庆应义塾大学教授", of: "japan")
    checkNoMention("英国国际战略研究所研究员", of: "united-kingdom")
    checkNoMention("澳大利亚智库洛伊研究所", of: "australia")
    checkNoMention("示例大学东盟研究中心讲师", of: "asean")
    checkMentions("美国的大学", ["united-states:美国"])
    checkMentions("美国与日本研究所合作", ["united-states:美国"])
    checkMentions("美国加强与日本的合作", ["united-states:美国", "japan:日本"])
    // From a review: prose between the name and an institution's last words.
    checkMentions("日本大学生赴华交流", ["japan:日本", "china:华"])
    checkMentions("日本政府决定设立研究中心", ["japan:日本"])
    checkMentions("日本积极推动大学合作", ["japan:日本"])
    // From an audit: a transliterated name, think tanks whose names hold 与, journals and an English institute.
    checkNoMention("美国缅因大学教授", of: "united-states")
    checkNoMention("美国战略与国际问题研究中心研究员", of: "united-states")
    checkNoMention("《东北亚论坛》2022年第6期", of: "northeast-asia")
    checkNoMention("*East Asia Forum*, August 2, 2022", of: "east-asia")
    checkNoMention("*U. S. Institute of Peace*, May 3, 2023", of: "united-states")
    // From a second audit: think tanks and institutes whose names hold a state's.
    checkNoMention("美国对外关系委员会高级研究员", of: "united-states")
    checkNoMention("新美国安全中心印太项目主任", of: "united-states")
    checkNoMention("美国卡内基国际和平基金会高级研究员", of: "united-states")
    checkNoMention("珀斯大学美国与亚洲研究中心研究员", of: "united-states")
    checkNoMention("The United States Studies Centre at the University of Sydney", of: "united-states")
    checkNoMention("Chinese A2/AD”, U. S. Naval Institute, 2023", of: "united-states")
    // From a third review: two more whose names hold 和 and 与, which end a name elsewhere.
    checkNoMention("美国和平研究所高级研究员", of: "united-states")
    checkNoMention("美国战略与国际研究中心高级研究员", of: "united-states")
    // 因 ends a name but after 缅; a title that names no entity is one only as spelled.
    checkMentions("中国因大学扩招而受益", ["china:中国"])
    checkMentions("美国因智库报告改变政策", ["united-states:美国"])
    checkMentions("a more strategic Japan in Asia", ["japan:Japan"])
  }

  @Test func verbsThatTakeStatesOpenACompoundWithChina() {
    checkMentions("受中美竞争影响", ["china:中", "united-states:美"])
    checkMentions("管控中日博弈", ["china:中", "japan:日"])
    checkNoMention("在竞争中美国占优", of: "china")
    checkNoMention("三边机制中加强经济合作", of: "china")
  }

  @Test func aCompoundFollowedByItsGroupingsAliasNamesItOnce() {
    checkMentions(
      "日美印澳四边机制",
      ["quad:日美印澳四边机制", "japan:日", "united-states:美", "india:印", "australia:澳"])
    checkMentions(
      "日美印澳和四边机制",
      [
        "quad:日美印澳", "japan:日", "united-states:美", "india:印", "australia:澳", "quad:四边机制",
      ])
  }

  @Test func groupingsOfTheField() {
    checkMentions("日英意", ["gcap:日英意", "japan:日", "united-kingdom:英", "italy:意"])
    checkMentions("日美澳菲", ["squad:日美澳菲", "japan:日", "united-states:美", "australia:澳", "philippines:菲"])
    checkMentions("日美联盟", ["us-japan-alliance:日美联盟", "japan:日", "united-states:美"])
    checkMentions("美日韩", ["us-japan-korea:美日韩", "united-states:美", "japan:日", "south-korea:韩"])
  }

  @Test func dashesInNamesAreInterchangeable() {
    for dash in ["-", "—", "－", "–"] {
      checkMentions(
        "日本\(dash)东盟首脑峰会", ["asean-japan:日本\(dash)东盟首脑峰会", "japan:日本", "asean:东盟"])
    }
  }

  @Test func ownersAreSpelledInsideBodiesAndMechanisms() {
    checkMentions("日本外务省", ["japan-mofa:日本外务省", "japan:日本"])
    checkMentions("日本海上自卫队", ["japan-msdf:日本海上自卫队", "japan:日本"])
    checkMentions("北约峰会", ["nato-summit:北约峰会", "nato:北约"])
    checkMentions("北约核计划小组", ["nato-nuclear-planning-group:北约核计划小组", "nato:北约"])
    checkMentions("“中亚+日本”对话", ["central-asia-plus-japan:“中亚+日本”对话", "central-asia:中亚", "japan:日本"])
    checkNoMention("印度尼西亚", of: "india")
  }

  @Test func formerMisreadings() {
    checkNoMention("东盟与中国（10+1）", of: "asean-japan")
    checkNoMention("加强高质量基础设施建设", of: "quality-infrastructure")
    checkMentions("日本国家安全战略", ["national-security-strategy:日本国家安全战略", "japan:日本"])
    // 国家安全战略 alone is any state's strategy (美国2022年出台的新版《国家安全战略》): not Japan's by default.
    checkNoMention("2022年出台的新版《国家安全战略》", of: "national-security-strategy")
    checkMentions("政府安全保障能力强化支援（OSA）", ["osa:政府安全保障能力强化支援", "osa:OSA"])
  }

  @Test func lowerCaseLatinAliasesOnlyInProse() {
    checkNoMention("https://www.kantei.go.jp/jp/101_kishida/statement/2023", of: "kishida-fumio")
    checkNoMention("https://www.nbr.org/publication/japans-role-in-the-quad-clarifying/", of: "quad")
    checkNoMention("https://www.jluggage.com/blog/japan/why-is-japan-not-part-of-nato/", of: "japan")
    checkMentions("Japan and the quad", ["japan:Japan", "quad:quad"])
    checkMentions("the U. S. and China", ["united-states:U. S.", "china:China"])
  }

  @Test func noLatinMentionInsideAURLOrAPath() {
    checkNoMention("https://asia.nikkei.com/Spotlight/Japan-South-Korea-rift/Japan-lifts-chipmaking", of: "japan")
    checkNoMention("wp-content/uploads/2023/04/NCAFP-U.S.-Japan-Report-2023.pdf", of: "united-states")
    // A URL that extraction spaced out at its slashes.
    checkNoMention(
      "asean2020 / wp-content / uploads / 2021 / 01 / ASEAN-Outlook-on-the-Indo-Pacific_FINAL_", of: "asean")
    checkNoMention("uploads / 2022 / 10 / Biden-Harris-Administrations-National-Security-Strategy-", of: "biden")
    // Hyphens and slashes of prose are no path.
    checkMentions("Japan-ASEAN cooperation", ["asean-japan:Japan-ASEAN", "japan:Japan", "asean:ASEAN"])
    checkMentions("Japan-Korea talks", ["japan:Japan", "south-korea:Korea"])
    checkMentions("日本/Japan", ["japan:日本"])
    checkMentions("Japan / the U. S.", ["japan:Japan", "united-states:U. S."])
  }

  @Test func periodicalsAndPlacesNamedAfterStatesAreNoMention() {
    checkNoMention("《日本学刊》2021年第5期", of: "japan")
    checkNoMention("《当代美国评论》2023年第1期", of: "united-states")
    checkNoMention("苏纳克在《日本经济新闻》发表文章", of: "japan")
    checkNoMention("*Japan Times*, July 23, 2023", of: "japan")
    checkNoMention("『日本経済新聞』2023年1月12日", of: "japan")
    checkNoMention("复旦大学美国研究中心教授", of: "united-states")
    checkMentions("美国研究人员指出", ["united-states:美国"])
    checkNoMention("演习地域涵盖孟加拉湾、菲律宾海", of: "bangladesh")
    checkNoMention("演习地域涵盖孟加拉湾、菲律宾海", of: "philippines")
    checkNoMention("《亚太安全与海洋研究》2023年第2期", of: "asia-pacific")
  }

  @Test func americaIsTheUnitedStatesButNotTheContinents() {
    checkMentions("“Why America Must Lead Again”", ["united-states:America"])
    checkMentions("The Sheriff: America’s Defense of the New World Order", ["united-states:America"])
    checkNoMention("trade with Latin America and North America", of: "united-states")
    checkNoMention("Center for a New American Security", of: "united-states")
    checkNoMention("relations across the Americas", of: "united-states")
  }

  @Test func aSpaceBetweenHanAndLatinInsideAnAliasIsAllowed() {
    checkMentions("转变单一的 ODA 援助方式", ["oda:ODA 援助"])
    checkMentions("新たな日 ASEAN の協力", ["asean-japan:日 ASEAN", "japan:日", "asean:ASEAN"])
  }

  @Test func englishBodiesNameTheirOwnerLast() {
    checkMentions(
      "Ministry of Foreign Affairs of Japan, “Statement”",
      ["japan-mofa:Ministry of Foreign Affairs of Japan", "japan:Japan"])
    checkMentions("U. S. Department of State", ["united-states:U. S.", "us-state-department:Department of State"])
    checkMentions("Sino-U.S. relations", ["china:Sino", "united-states:U.S."])
    checkNoMention("casino rules", of: "china")
    // An actor inside a name never takes the white space around it.
    checkMentions(
      "The U. S. -Japan alliance",
      ["us-japan-alliance:U. S. -Japan alliance", "united-states:U. S.", "japan:Japan"])
  }

  @Test func enumerationsOfStatesWithTheListComma() {
    checkMentions("帮助越、菲两国", ["vietnam:越", "philippines:菲"])
    checkMentions("同美、英、澳、韩等国", ["united-states:美", "united-kingdom:英", "australia:澳", "south-korea:韩"])
    checkMentions("日美、日澳合作", ["japan:日", "united-states:美", "japan:日", "australia:澳"])
    checkMentions("美、日合作", [])
    checkNoMention("5日、6日等", of: "japan")
    // One item no form names between two that do: the others are still listed.
    checkMentions("由中、俄、巴、印四国发起", ["china:中", "russia:俄", "india:印"])
    // 小 abbreviates no state: the list of states starts after it.
    checkMentions("大、中、小、美、日等规模", ["united-states:美", "japan:日"])
    checkMentions("英、小、日等", [])
  }

  /// Trilaterals as English sources name them, spaced or not.
  @Test func englishNamesOfTrilaterals() {
    checkMentions(
      "the United States – Japan – Australia Trilateral",
      [
        "us-japan-australia:United States – Japan – Australia", "united-states:United States", "japan:Japan",
        "australia:Australia",
      ])
    checkMentions(
      "US-Japan-ROK talks", ["us-japan-korea:US-Japan-ROK", "united-states:US", "japan:Japan", "south-korea:ROK"])
  }

  /// From an audit of papers 000, 002 and 004.
  @Test func acronymsBeforeDigitsAndNamesInsideNames() {
    // Digits may follow an acronym of four capitals or more (an anniversary), not a shorter one (a code).
    checkMentions("「日ASEAN50周年」", ["asean-japan:日ASEAN", "japan:日", "asean:ASEAN"])
    checkMentions("NATO75 summit", ["nato:NATO"])
    checkNoMention("EU27 members", of: "european-union")
    // An actor grouping's name names its members, not the region; a name inside a word that names no entity is none.
    checkMentions("中亚五国与日本", ["central-asian-five:中亚五国", "japan:日本"])
    checkNoMention("「『自由で開かれたインド太平洋』の実現」", of: "india")
    checkMentions("日本は東南アジアと", ["japan:日本", "southeast-asia:東南アジア"])
    // A word that names no entity (日本海) followed by more of the name is not read inside it.
    checkMentions("日本海上自衛隊の艦艇", ["japan-msdf:日本海上自衛隊", "japan:日本"])
    checkMentions("美国印度太平洋司令部", ["indopacom:美国印度太平洋司令部", "united-states:美国"])
    // A Latin name and kana, spaced as a Japanese title spaces them.
    checkMentions("「ASEAN インド太平洋フォーラム」", ["asean-indo-pacific-forum:ASEAN インド太平洋フォーラム", "asean:ASEAN"])
    checkNoMention("ARF27 members", of: "arf")
  }

  /// A body's owner is named even when a word that names no entity (日本海) starts its name; an actor grouping named
  /// by a count names no region, but other actors it names stay.
  @Test func namesInsideLexiconNames() {
    let entities = Lexicon.merge(
      builtin: Lexicon.builtin,
      lexicon: [
        Entity(id: "ocean-hq", kind: .actor, name: "日本海洋政策本部", source: .lexicon),
        Entity(
          id: "nato-europe", kind: .actor, name: "北约欧洲盟国", members: ["united-kingdom", "france", "germany"],
          source: .lexicon),
      ])
    let scanner = MentionScanner(entities: entities)
    func ids(_ text: String) -> [String] { scanner.scan(text).map { entities[$0.entity].id } }
    #expect(ids("日本海洋政策本部") == ["ocean-hq", "japan"])
    #expect(ids("北约欧洲盟国") == ["nato-europe", "nato", "europe"])
  }
}
