# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The claim table (tests/README.md) stays true: every test it names exists,
every paragraph of the README's Usage, Security and Data protection sections
(readme/USAGE.md) has its section in the table, and no claim is left without a
test."""

import importlib
import inspect
import pkgutil
import re
import unittest

from odoo.tests import BaseCase, tagged
from odoo.tools import file_open

from odoo.addons.job_coaching import tests as addon_tests

TEST_NAME = re.compile(r"`(Test\w+)\.(test_\w+)`")
# A paragraph of the README: a line opening with a bold title.
PARAGRAPH = re.compile(r"^\*\*(.+?)\*\*", re.MULTILINE)
HEADING = re.compile(r"^#{1,2} (.+)$", re.MULTILINE)
# The table has at least this many rows and names at least this many tests:
# an empty or truncated table fails.
MIN_ROWS = 170
MIN_TESTS = 300


@tagged("post_install", "-at_install")
class TestReadmeClaims(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open("job_coaching/tests/README.md") as handle:
            cls.table = handle.read()
        with file_open("job_coaching/readme/USAGE.md") as handle:
            cls.usage = handle.read()

    def _test_classes(self):
        """{class name: class} of every test case of the add-on's test modules."""
        classes = {}
        for module_info in pkgutil.iter_modules(addon_tests.__path__):
            if not module_info.name.startswith("test_"):
                continue
            module = importlib.import_module(f"{addon_tests.__name__}.{module_info.name}")
            for name, value in vars(module).items():
                if (
                    inspect.isclass(value)
                    and issubclass(value, unittest.TestCase)
                    and value.__module__ == module.__name__
                ):
                    classes[name] = value
        return classes

    def _rows(self):
        return [
            line
            for line in self.table.splitlines()
            if line.startswith("| ") and not line.startswith(("| Claim", "| ---"))
        ]

    def test_every_named_test_exists(self):
        classes = self._test_classes()
        self.assertGreaterEqual(len(classes), 50, sorted(classes))
        named = set(TEST_NAME.findall(self.table))
        self.assertGreaterEqual(len(named), MIN_TESTS)
        missing = sorted(
            f"{cls}.{method}"
            for cls, method in named
            if cls not in classes or not callable(getattr(classes[cls], method, None))
        )
        self.assertFalse(missing, f"tests named in tests/README.md that do not exist: {missing}")

    def test_every_claim_names_a_test(self):
        rows = self._rows()
        self.assertGreaterEqual(len(rows), MIN_ROWS)
        bare = [row[:80] for row in rows if not TEST_NAME.search(row.rsplit("|", 2)[-2])]
        self.assertFalse(bare, f"claims without a test: {bare}")

    def test_every_paragraph_of_the_readme_has_its_section(self):
        paragraphs = [title.strip() for title in PARAGRAPH.findall(self.usage)]
        sections = {title.strip() for title in HEADING.findall(self.table)}
        self.assertGreaterEqual(len(paragraphs), 30)
        for heading in ("Security", "Data protection"):
            self.assertIn(f"## {heading}", self.usage)
            self.assertIn(heading, sections)
        missing = [title for title in paragraphs if title not in sections]
        self.assertFalse(
            missing, f"README paragraphs without a section in tests/README.md: {missing}"
        )
