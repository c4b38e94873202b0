"""The analysis report: result objects rendered to Markdown and self-contained HTML."""
