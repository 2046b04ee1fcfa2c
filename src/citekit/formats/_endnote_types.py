"""EndNote reference types (shared by EndNote tagged, EndNote XML and NoteExpress)."""

from __future__ import annotations

#: EndNote reference type name -> CSL type (lower-case keys)
TYPE_MAP: dict[str, str] = {
    k.lower(): v
    for k, v in {
        "Journal Article": "article-journal", "Electronic Article": "article-journal",
        "Book": "book", "Edited Book": "book", "Electronic Book": "book", "Book Section": "chapter",
        "Electronic Book Section": "chapter", "Conference Proceedings": "paper-conference",
        "Conference Paper": "paper-conference", "Conference Proceeding": "paper-conference",
        "Thesis": "thesis", "Dissertation": "thesis", "Report": "report",
        "Government Document": "report", "Newspaper Article": "article-newspaper",
        "Magazine Article": "article-magazine", "Web Page": "webpage", "Electronic Source": "webpage",
        "Patent": "patent", "Generic": "document", "Standard": "standard", "Dataset": "dataset",
        "Online Database": "dataset", "Aggregated Database": "dataset",
        "Computer Program": "software", "Statute": "legislation", "Case": "legal_case",
        "Bill": "bill", "Map": "map", "Film or Broadcast": "motion_picture",
        "Audiovisual Material": "motion_picture", "Manuscript": "manuscript",
        "Unpublished Work": "manuscript", "Dictionary": "entry-dictionary",
        "Encyclopedia": "entry-encyclopedia", "Personal Communication": "personal_communication",
        "Hearing": "hearing", "Artwork": "graphic", "Figure": "figure", "Chart or Table": "figure",
        "Music": "musical_score", "Pamphlet": "pamphlet", "Serial": "periodical", "Blog": "post-weblog",
        "Legal Rule or Regulation": "regulation", "Classical Work": "classic",
        "Ancient Text": "classic", "Interview": "interview", "Grant": "document",
    }.items()
}

TYPE_OUT: dict[str, str] = {
    "article-journal": "Journal Article", "book": "Book", "chapter": "Book Section",
    "paper-conference": "Conference Proceedings", "thesis": "Thesis", "report": "Report",
    "article-newspaper": "Newspaper Article", "article-magazine": "Magazine Article",
    "webpage": "Web Page", "patent": "Patent", "document": "Generic", "standard": "Standard",
    "dataset": "Dataset", "software": "Computer Program", "legislation": "Statute",
    "legal_case": "Case", "bill": "Bill", "map": "Map", "motion_picture": "Film or Broadcast",
    "manuscript": "Manuscript", "entry-dictionary": "Dictionary",
    "entry-encyclopedia": "Encyclopedia", "personal_communication": "Personal Communication",
    "hearing": "Hearing", "graphic": "Artwork", "figure": "Figure", "musical_score": "Music",
    "pamphlet": "Pamphlet", "periodical": "Serial", "post-weblog": "Blog",
    "regulation": "Legal Rule or Regulation", "classic": "Classical Work", "interview": "Interview",
}

#: EndNote XML ``<ref-type>`` numbers (EndNote's own numbering)
TYPE_NUMBERS: dict[str, int] = {
    "Artwork": 2, "Audiovisual Material": 3, "Bill": 4, "Book Section": 5, "Book": 6, "Case": 7,
    "Computer Program": 9, "Conference Proceedings": 10, "Web Page": 12, "Generic": 13,
    "Hearing": 14, "Journal Article": 17, "Interview": 18, "Magazine Article": 19, "Map": 20,
    "Film or Broadcast": 21, "Newspaper Article": 23, "Pamphlet": 24, "Patent": 25,
    "Personal Communication": 26, "Report": 27, "Edited Book": 28, "Statute": 31, "Thesis": 32,
    "Unpublished Work": 34, "Manuscript": 36, "Figure": 37, "Chart or Table": 38,
    "Electronic Article": 43, "Electronic Book": 44, "Online Database": 45,
    "Government Document": 46, "Conference Paper": 47, "Grant": 48, "Classical Work": 49,
    "Legal Rule or Regulation": 50, "Ancient Text": 51, "Dictionary": 52, "Encyclopedia": 53,
    "Aggregated Database": 55, "Blog": 56, "Serial": 57, "Standard": 58, "Dataset": 59,
    "Music": 61,
}
NUMBER_TYPES: dict[int, str] = {v: k for k, v in TYPE_NUMBERS.items()}
