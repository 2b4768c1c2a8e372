"""A pack full of script payloads, served for real: nothing runs in the browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.quiz.test_journey_browser import register
from tests.server import running_server
from tests.xss import write_xss_pack

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xss")
    packs = folder / "packs"
    packs.mkdir()
    write_xss_pack(packs)
    with running_server(folder, packs) as server:
        yield server.url


def test_payloads_never_run(browser, xss_server):
    context = browser.new_context(base_url=xss_server)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    register(page, "xss-anna")
    for url in ("/", "/articles/xss-proef"):
        page.goto(url)
        assert page.evaluate("window.__xss") is None
    page.get_by_role("button", name="Take the quiz").click()
    page.locator("details.hint").first.locator("summary").click()
    assert page.evaluate("window.__xss") is None
    page.get_by_role("button", name="Hand in").click()
    page.get_by_role("dialog").get_by_role("button", name="Hand in anyway").click()
    expect(page.get_by_role("status")).to_contain_text("points")
    for details in page.locator("details").all():
        details.locator("summary").click()
    assert page.evaluate("window.__xss") is None
    expect(page.get_by_text("<script>window.__xss=1</script>").first).to_be_attached()
    assert dialogs == []
    context.close()
