// The web app's only script of its own (htmx does the rest). Downloads of documents are
// fetched with the document's type in Accept: API Gateway returns a file as bytes only to
// a request whose first Accept type is the file's, and a plain link sends text/html first.
// Without this script the links still download (locally, and CSV everywhere).
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-accept]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) {
    return;
  }
  event.preventDefault();
  const status = document.getElementById('trang-thai-tai-ve');
  if (status) status.textContent = 'Đang tải xuống…';
  try {
    const response = await fetch(link.href, {
      headers: { Accept: link.dataset.accept },
      credentials: 'same-origin',
    });
    if (!response.ok) throw new Error(String(response.status));
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = url;
    save.download = link.getAttribute('download') || '';
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    if (status) status.textContent = 'Đã tải xuống.';
  } catch {
    if (status) status.textContent = 'Không tải xuống được; hãy thử lại.';
  }
});
