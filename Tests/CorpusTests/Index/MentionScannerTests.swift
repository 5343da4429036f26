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
}
