// Document exposes the block layout (LineSpan, MarkdownBlocks); its users need those types too.
@_exported import PaperLintMarkdown
