//! Rule unknown-entity-link, its alias fixes and the add-to-lexicon fix.
import Testing

@testable import Corpus

@Test func unknownEntityLink() {
  checkDiagnostics(
    """
    -- notes/a.md --
    [[东盟盟]] 与 [[Japn]] 以及 [[东盟|the bloc]]。<!--@diag("东盟盟", unknown-entity-link)--><!--@diag("Japn", unknown-entity-link)-->
    """)
  checkFix(
    """
    -- notes/a.md --
    [[Japn]]
    """, rule: .unknownEntityLink, titleContaining: "Change to 'Japan'", expect: "[[Japan]]")
}

@Test func addToLexiconCreatesOrExtendsIt() {
  checkFix(
    """
    -- notes/a.md --
    [[澜湄青年论坛]]
    """, rule: .unknownEntityLink, titleContaining: "as a mechanism",
    expect: """
      {
        "entities": [
          {"id": "澜湄青年论坛", "kind": "mechanism", "name": "澜湄青年论坛", "aliases": ["澜湄青年论坛"]}
        ]
      }

      """)
  checkFix(
    """
    -- notes/a.md --
    [[Mekong Youth Forum]]
    -- lexicon.json --
    {"entities": [{"id": "x", "kind": "actor", "name": "X"}]}
    """, rule: .unknownEntityLink, titleContaining: "as an actor",
    expect: """
      {"entities": [{"id": "x", "kind": "actor", "name": "X"},
          {"id": "mekong-youth-forum", "kind": "actor", "name": "Mekong Youth Forum", "aliases": ["Mekong Youth Forum"]}]}
      """)
}

/// A name spelled in states' forms is added as a grouping of those states (read as a run, as the corpus's are).
@Test func addToLexiconMakesACompoundOfStatesAGrouping() {
  checkFix(
    """
    -- notes/a.md --
    [[中俄蒙]]
    """, rule: .unknownEntityLink, titleContaining: "as a grouping of 中国、俄罗斯、蒙古国",
    expect: """
      {
        "entities": [
          {"id": "中俄蒙", "kind": "mechanism", "name": "中俄蒙", "aliases": ["中俄蒙"], "members": ["china", "russia", "mongolia"]}
        ]
      }

      """)
}
