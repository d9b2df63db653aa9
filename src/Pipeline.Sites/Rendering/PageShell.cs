namespace Pipeline.Sites;

/// <summary>The frame every page of a board's site shares: header, menu, breadcrumb, font-size buttons, sidebar counters, footer.</summary>
public static class PageShell
{
    public static string Page(Board board, PlatformLayout layout, string path, string title, string crumb, string main) => $"""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Markup.Esc(title)} - {Markup.Esc(board.Title)}</title>
        <link rel="stylesheet" href="/static/site.css">
        <script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
        </head>
        <body class="{layout.Name}">
        <div class="top-bar">{layout.TopBar}</div>
        <div class="banner"><a href="/"><img src="/static/logo.png" alt="Logo"></a><div class="site-name">{Markup.Esc(board.Title.ToUpperInvariant())}</div><div class="site-sub">Cổng thông tin điện tử</div></div>
        <div class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="{layout.ListingPath(1)}">Tin tức - Sự kiện</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></div>
        <div class="breadcrumb"><a href="/">Trang chủ</a> » {crumb}</div>
        <div class="font-size">Cỡ chữ: <a href="javascript:void(0)" class="font-up">A+</a> <a href="javascript:void(0)" class="font-down">A-</a></div>
        <div id="main">
        {main}
        </div>
        <div class="sidebar">
        <div class="box"><div class="box-title">Liên kết website</div><ul><li>Cổng thông tin điện tử Chính phủ</li><li>Bộ Kế hoạch và Đầu tư</li></ul></div>
        <div class="counter">Thống kê truy cập<br>Đang truy cập: {Markup.Number("online" + path, 3, 90)}<br>Hôm nay: {Markup.Number("today" + path, 200, 2500)}<br>Tổng lượt truy cập: {Markup.Number(board.Name, 1_000_000, 9_000_000):N0}</div>
        </div>
        <div class="footer">Bản quyền thuộc {Markup.Esc(board.Title)}. Địa chỉ: số {Markup.Number(board.Name + "addr", 1, 99)} đường Lý Thái Tổ, tỉnh {Markup.Esc(board.Province)}. Điện thoại: 0{Markup.Number(board.Name + "tel", 200, 299)} 3{Markup.Number(board.Name + "tel2", 100_000, 999_999)}. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</div>
        </body>
        </html>
        """;
}
