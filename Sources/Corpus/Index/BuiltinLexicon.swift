//! The built-in lexicon of the field: parses the data tables into entities with stable ids.

/// The curated entities every workspace starts from, and the words that must never be read as them.
///
/// The data lives in `BuiltinLexicon+*.swift` as small text tables (one entity a line) so it stays
/// readable, diffable and quick to compile.
public enum BuiltinLexicon {
  /// Every built-in entity, parsed once. Ids are stable: notes and lexicons refer to them.
  public static let entities: [Entity] = {
    var result: [Entity] = []
    for line in rows(states) {
      result.append(
        Entity(
          id: line[0], kind: .actor, name: line[1], english: nonEmpty(line[2]), aliases: list(line[safe: 3]),
          source: .builtin, compoundForms: list(line[safe: 4])))
    }
    for line in rows(regions) {
      result.append(
        Entity(
          id: line[0], kind: .actor, name: line[1], english: nonEmpty(line[2]), aliases: list(line[safe: 3]),
          members: list(line[safe: 4]), source: .builtin, compoundForms: list(line[safe: 5])))
    }
    for (table, kind) in [(organisations, EntityKind.actor), (mechanisms, .mechanism)] {
      for line in rows(table) {
        result.append(
          Entity(
            id: line[0], kind: kind, name: line[1], english: nonEmpty(line[2]), aliases: list(line[safe: 3]),
            members: list(line[safe: 4]), source: .builtin))
      }
    }
    for line in rows(people) + rows(agencies) {
      result.append(
        Entity(
          id: line[0], kind: .actor, name: line[1], english: nonEmpty(line[2]), aliases: list(line[safe: 3]),
          source: .builtin))
    }
    return result
  }()

  /// Regions that frame policy (印太, 亚太, 东亚, 东北亚) rather than act in it: a name holding one (印太战略, 亚太经合组织,
  /// 东亚峰会) does not mention it (`MentionScanner`), where 中亚 in the “中亚+日本”对话 is a party.
  static let frameRegionIDs: Set<String> = ["indo-pacific", "asia-pacific", "east-asia", "northeast-asia"]

  /// Words that contain an alias or a one-character form but name no entity (印度洋 is not India, 美元 is not
  /// the United States, 其中 holds no China, the journal 《日本学刊》 and the newspaper *Japan Times* are not Japan). The scanner matches them like aliases and then drops them, so
  /// longest-match keeps them from being misread.
  public static let nonEntityWords: [String] = list(
    """
    印度洋;印发;印象;印证;印刷;印记;印章;
    美元;美洲;北美;南美;拉美;中美洲;美中不足;美德;完美;赞美;美好;美丽;美术;美食;美感;审美;
    中心;其中;之中;当中;集中;中期;中央;中间;中等;中小;中长期;中层;中立;中断;中止;中介;中文;中级;中枢;中坚;
    中游;中部;中外;中共;中东;中东欧;中南半岛;中华民族;发展中国家;中国际;空中;心中;手中;高中;初中;途中;
    中学;中旬;中型;中将;中校;中尉;中标;中转;中性;中肯;中庸;中旨;
    日本海;日元;日语;日文;日裔;日益;日趋;日渐;日臻;日前;日后;日常;日程;日期;日报;日内瓦;日新月异;日夜;
    日子;日均;日内;日落;日出;日照;日历;日记;日至;抗日;知日;
    韩元;
    朝日;朝日新闻;朝日新聞;朝着;朝向;朝野;王朝;朝代;朝夕;朝阳;朝鲜半岛;朝鲜战争;
    俄而;
    澳门;
    新的;新型;新兴;新冠;新时代;新一轮;新版;新任;新闻;新近;新建;新设;新增;新政;新局;新阶段;新形势;新格局;
    新常态;新领域;新动向;新趋势;新变化;新特点;新模式;新机制;新战略;新构想;新举措;创新;更新;重新;最新;全新;
    革新;刷新;新疆;新德里;新华社;新冷战;
    菲薄;
    英语;英文;英雄;精英;英寸;英里;英镑;英明;
    法律;法治;法规;法案;法制;法理;法院;法人;法定;法令;法则;法宝;方法;做法;看法;办法;无法;依法;非法;合法;
    宪法;立法;司法;执法;手法;说法;想法;国际法;战法;
    德行;道德;品德;
    意图;同意;意义;意识;愿意;注意;意见;意向;意愿;意味;满意;故意;民意;用意;刻意;有意;无意;特意;恶意;善意;
    敌意;诚意;示意;主意;意外;意志;意欲;意在;
    越来越;越发;越过;越境;越界;越多;越大;越高;越强;越加;超越;跨越;卓越;优越;飞越;穿越;逾越;
    泰然;泰山;安泰;
    蒙受;内蒙古;蒙蔽;启蒙;
    加强;加大;加快;加深;加速;加剧;加入;加之;加以;加紧;加码;加上;增加;参加;更加;施加;附加;追加;叠加;
    加息;加固;加盟;加工;加重;加倍;加油;外加;加注;加征;加税;
    欧元;
    乌云;乌托邦;乌鲁木齐;
    柬帖;
    孟加拉湾;菲律宾海;戴维营协议;
    《日本学刊》;《日本研究》;《日本问题研究》;《现代日本经济》;《日本经济新闻》;日本经济新闻;《美国研究》;《当代美国评论》;
    日本経済新聞;日経新聞;日本经济新闻社;実業之日本;日本戦略研究フォーラム;インド洋;
    《美国问题研究》;美国研究中心;《俄罗斯研究》;《俄罗斯学刊》;《俄罗斯东欧中亚研究》;《德国研究》;《法国研究》;
    《韩国研究论丛》;《当代韩国》;《台湾研究》;《台湾研究集刊》;《印度研究》;《澳大利亚研究》;
    《东北亚论坛》;《东北亚学刊》;《东北亚经济研究》;《东南亚研究》;《东南亚纵横》;《南亚研究》;《南亚研究季刊》;
    《欧洲研究》;《中国国际战略评论》;《中国周边外交学刊》;《亚太安全与海洋研究》;《当代亚太》;《亚太经济》;
    《东亚评论》;
    美国战略与国际问题研究中心;美国战略和国际问题研究中心;美国战略与国际研究中心;美国和平研究所;新加坡尤索夫-伊萨东南亚研究院;新加坡尤索夫·伊萨东南亚研究院;
    East Asia Forum;Strategic Japan;U. S. Institute of Peace;U. S. Institute for Peace;U.S. Institute of Peace;
    United States Institute of Peace;Moving from Japan;美国对外关系委员会;美国卡内基国际和平基金会;新美国安全中心;
    美国与亚洲研究中心;United States Studies Centre;U. S. Naval Institute;
    Japan Times;Japan News;Japan Forward;Japan Today;China Daily;China Review;China Quarterly;Korea Herald;Korea Times;
    South China Morning Post;Latin America;North America;South America;Central America;Voice of America
    """)

  // MARK: - Table parsing

  // Split and trimmed on Unicode scalars, not Characters: the tables are parsed on the way to every index, and
  // Character comparison and Foundation's trimming cost several times more.
  static func rows(_ table: String) -> [[String]] {
    table.unicodeScalars.split(separator: "\n").compactMap { line in
      let columns = line.split(separator: "|", omittingEmptySubsequences: false).map(trimmed)
      return columns.count >= 3 && !columns[0].isEmpty ? columns : nil
    }
  }

  static func list(_ column: String?) -> [String] {
    guard let column else { return [] }
    return column.unicodeScalars.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map(trimmed)
      .filter { !$0.isEmpty }
  }

  /// A piece of a table without the white space around it.
  private static func trimmed(_ piece: Substring.UnicodeScalarView) -> String {
    guard let first = piece.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = piece.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(Substring(piece[first...last]))
  }

  static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

extension Array where Element == String {
  fileprivate subscript(safe index: Int) -> String? { indices.contains(index) ? self[index] : nil }
}
