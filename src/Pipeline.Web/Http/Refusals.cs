namespace Pipeline.Web.Http;

/// <summary>
/// Every reason a parameter or form field is refused, in English and Vietnamese side by side, so that a page
/// in Vietnamese never answers a typo in English. Each message names the parameter, what was given and what
/// would do.
/// </summary>
public static class Refusals
{
    public static BadParameterException UnknownParameter(string name, IEnumerable<string> known)
    {
        var list = string.Join(", ", known.Order(StringComparer.Ordinal));
        return new(name, $"unknown parameter '{name}'; this page takes: {list}", $"không có tham số '{name}'; trang này nhận: {list}");
    }

    public static BadParameterException UnknownField(string name, IEnumerable<string> known)
    {
        var list = string.Join(", ", known);
        return new(name, $"unknown field '{name}'; this form takes: {list}", $"không có trường '{name}'; biểu mẫu này nhận: {list}");
    }

    public static BadParameterException Repeated(string name, int times) =>
        new(name, $"'{name}' is given {times} times; give it once", $"'{name}' được gửi {times} lần; chỉ gửi một lần");

    public static BadParameterException TooLong(string name, int maxLength) =>
        new(name, $"'{name}' is longer than {maxLength} characters", $"'{name}' dài quá {maxLength} ký tự");

    public static BadParameterException NotWholeNumber(string name, int min, int max, string given) =>
        new(name, $"'{name}' must be a whole number from {min} to {max}, not '{given}'", $"'{name}' phải là số nguyên từ {min} đến {max}, không phải '{given}'");

    public static BadParameterException NotNumber(string name, string given) =>
        new(name, $"'{name}' must be a number (e.g. 100 or 1.234,5), not '{given}'", $"'{name}' phải là một số (ví dụ 100 hoặc 1.234,5), không phải '{given}'");

    public static BadParameterException NotOneOf(string name, IEnumerable<string> choices, string given)
    {
        var list = string.Join(", ", choices);
        return new(name, $"'{name}' must be one of {list}, not '{given}'", $"'{name}' phải là một trong: {list}; không phải '{given}'");
    }

    public static BadParameterException UnknownProvince(string given, string closest) =>
        new("province", $"'province' must name a province; '{given}' is none (did you mean '{closest}'?)", $"'province': '{given}' không phải tên tỉnh, thành phố nào (có phải '{closest}'?)");

    /// <summary>A range given the wrong way round: from/to years ("after") or min/max values ("above").</summary>
    public static BadParameterException Swapped(string first, object? firstValue, string second, object? secondValue) =>
        new(first, $"'{first}' ({firstValue}) is {(first == "from" ? "after" : "above")} '{second}' ({secondValue}); did you swap them?",
            $"'{first}' ({firstValue}) lớn hơn '{second}' ({secondValue}); có phải hai giá trị bị đảo?");

    public static BadParameterException Period(string given) =>
        new("period", $"'period' must be written as the figures write it (2023, 2023-Q1, 2023-H1, 2023-06, ..2023-06, 2016..2020), not '{given}'",
            $"'period' phải viết như kỳ của số liệu (2023, 2023-Q1, 2023-H1, 2023-06, ..2023-06, 2016..2020), không phải '{given}'");

    public static BadParameterException NoQuery() =>
        new("q", "give words to search for, or a filter (province, years, page type, metric)", "hãy nhập từ cần tìm, hoặc chọn một bộ lọc (tỉnh, năm, loại trang, chỉ tiêu)");

    public static BadParameterException NotAForm() =>
        new("text", "send a form (multipart/form-data or application/x-www-form-urlencoded) with a 'text' or a 'file'", "hãy gửi một biểu mẫu (multipart/form-data hoặc application/x-www-form-urlencoded) có 'text' hoặc 'file'");

    public static BadParameterException OneFile() => new("file", "send one file at a time", "mỗi lần chỉ gửi một tệp");

    public static BadParameterException TextAndFile() => new("text", "give either a text or a file, not both", "chỉ dán văn bản hoặc chọn tệp, không cả hai");

    public static BadParameterException NoInput() =>
        new("text", "paste a text or HTML in 'text', or choose a file in 'file'", "hãy dán văn bản hoặc HTML vào ô 'text', hoặc chọn một tệp ở 'file'");

    /// <summary>Several refusals as one answer, naming the first parameter.</summary>
    public static BadParameterException All(IReadOnlyList<BadParameterException> each) => each.Count == 1
        ? each[0]
        : new(each[0].Parameter, string.Join("; ", each.Select(e => e.Message)), string.Join("; ", each.Select(e => e.Vietnamese)));
}
