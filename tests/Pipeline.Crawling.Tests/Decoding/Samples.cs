namespace Pipeline.Crawling.Tests.Decoding;

/// <summary>Bulletin-style sentences written for these tests.</summary>
internal static class Samples
{
    public const string Sentence = "Năm 2023, các khu công nghiệp thu hút 45 dự án với tổng vốn đầu tư 1,2 tỷ USD.";

    public static readonly string[] Vietnamese =
    [
        Sentence,
        "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh đã cấp giấy chứng nhận đăng ký đầu tư cho 12 dự án mới, điều chỉnh tăng vốn cho 8 dự án.",
        "Tính đến hết quý III, tỷ lệ lấp đầy của Khu công nghiệp Yên Phong đạt 86%, giải quyết việc làm cho hơn 27.500 lao động.",
        "Doanh nghiệp trong khu công nghiệp nộp ngân sách nhà nước ước đạt 2.340 tỷ đồng, tăng 15% so với cùng kỳ năm trước.",
        "THÔNG BÁO: Hội nghị xúc tiến đầu tư vào các khu kinh tế sẽ được tổ chức tại Đà Nẵng vào tháng 9; những nhà đầu tư Hàn Quốc, Nhật Bản đã đăng ký tham dự.",
        "Hạ tầng kỹ thuật khu công nghiệp Đồng Văn IV được hoàn thiện, hệ thống xử lý nước thải tập trung công suất 5.000 m3/ngày đêm đã đi vào vận hành ổn định.",
    ];

    public const string English = "The industrial park attracted 45 projects in 2023 with total registered capital of USD 1.2 billion; Microsoft® and Intel® opened offices there (© 2023, 25 µm).";

    public const string French = "Le parc industriel, où se trouvent déjà 45 projets, a attiré en 2023 près de 1,2 milliard de dollars ; « Hanoï », l'aéroport, un goût naïf, Noël, maître, côté, reçu, être, âge, sûr.";
}
