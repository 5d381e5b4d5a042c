/**
 * The demo proceedings' plenary texts: the opening and closing speeches and the book's foreword,
 * written in the formal administrative style of the Ministry's own records of the 20th Conference
 * on Local External Affairs (13–14 December 2021, hybrid). Markdown, as the documents store it.
 */

export const OPENING_TITLE = "Phát biểu khai mạc Hội nghị Ngoại vụ toàn quốc lần thứ 20";

/** Who gave it is the document's author, printed with its title: the text is the speech alone. */
export function openingSpeech(): string {
  return `Kính thưa các đồng chí Lãnh đạo Đảng, Nhà nước,

Kính thưa các đồng chí Lãnh đạo các bộ, ban, ngành Trung ương và các tỉnh, thành phố trực thuộc Trung ương,

Kính thưa các đồng chí Trưởng Cơ quan đại diện Việt Nam ở nước ngoài đang tham dự trực tuyến từ các điểm cầu trên khắp thế giới,

Thưa toàn thể các đồng chí đại biểu,

Thay mặt Ban Tổ chức, tôi nhiệt liệt chào mừng các đồng chí đã về dự Hội nghị Ngoại vụ toàn quốc lần thứ 20. Lần đầu tiên, Hội nghị được tổ chức theo hình thức kết hợp trực tiếp tại trụ sở Bộ Ngoại giao và trực tuyến với hơn chín mươi Cơ quan đại diện của ta ở nước ngoài. Đây vừa là yêu cầu của công tác phòng, chống dịch Covid-19, vừa là minh chứng cho sự thích ứng linh hoạt của ngành ngoại giao và của các địa phương trong điều kiện mới.

## I. Bối cảnh tổ chức Hội nghị

Hội nghị lần này diễn ra vào thời điểm hết sức có ý nghĩa: cả nước đang triển khai Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, trong đó đối ngoại được xác định giữ vai trò tiên phong trong tạo lập và giữ vững môi trường hòa bình, ổn định, huy động các nguồn lực bên ngoài để phát triển đất nước, nâng cao vị thế và uy tín của Việt Nam. Hội nghị Đối ngoại toàn quốc vừa qua cũng đã nhấn mạnh yêu cầu xây dựng nền ngoại giao toàn diện, hiện đại với ba trụ cột là đối ngoại đảng, ngoại giao nhà nước và đối ngoại nhân dân.

Trong bối cảnh đó, tính toàn diện của ngoại giao thể hiện rõ hơn ở việc đặt trọng tâm phục vụ trực tiếp các địa phương, doanh nghiệp và từng người dân, bên cạnh những nhiệm vụ chính trị tầm vĩ mô. Địa phương và doanh nghiệp được đặt vào vị trí trung tâm của công tác ngoại giao kinh tế. Hai năm qua, đại dịch đã gây ra những tác động chưa từng có, làm đứt gãy chuỗi cung ứng, đình trệ giao thương và đi lại quốc tế. Song cũng chính trong khó khăn, chúng ta đã chứng kiến sức sống của đối ngoại địa phương: nhiều hoạt động xúc tiến được chuyển sang hình thức trực tuyến, nhiều thị trường mới được mở cho nông sản Việt Nam, nhiều địa phương đã chung tay hỗ trợ vật tư y tế cho các địa phương đối tác, để lại những tình cảm tốt đẹp và sâu sắc.

> Đối ngoại địa phương phải vừa "tư duy toàn cầu" để bắt kịp tình hình quốc tế và tốc độ hội nhập của đất nước, vừa "hành động địa phương", hiểu rõ quê hương mình có gì mà đối tác cần và mình cần gì để nâng cao chất lượng, thương hiệu sản phẩm và năng lực cạnh tranh.

Tinh thần ấy, được nêu từ Hội nghị Ngoại vụ lần thứ 19, đến nay vẫn nguyên giá trị và cần được nâng lên một tầm cao mới.

## II. Những kết quả nổi bật

Từ Hội nghị Ngoại vụ lần thứ 19 (tháng 8 năm 2018) đến nay, công tác đối ngoại địa phương đã thu được nhiều kết quả quan trọng, khá toàn diện, đóng góp vào thành công chung của công tác đối ngoại cả nước và thiết thực phục vụ các mục tiêu phát triển kinh tế – xã hội của các địa phương.

Thứ nhất, quan hệ hợp tác giữa các địa phương ta với các địa phương, đối tác nước ngoài tiếp tục được mở rộng và đi vào chiều sâu. Trong giai đoạn 2019–2021, các địa phương đã ký hơn 200 thỏa thuận quốc tế với các địa phương, tổ chức và doanh nghiệp nước ngoài, tiếp nối kết quả 420 thỏa thuận của giai đoạn 2016–2018. Các thỏa thuận ngày càng thực chất hơn, gắn với nhu cầu cụ thể của địa phương về thị trường, vốn, công nghệ và nhân lực.

Thứ hai, ngoại giao kinh tế phục vụ địa phương có nhiều đổi mới cả về hình thức và nội dung. Các diễn đàn "Nhịp cầu phát triển Việt Nam", "Gặp gỡ châu Âu", Diễn đàn quốc tế chuyển đổi số nông nghiệp cùng chuỗi hoạt động "Gặp gỡ Đại sứ", "Giới thiệu địa phương" đã kết nối hàng nghìn doanh nghiệp. Thành công của việc đưa vải thiều Lục Ngạn sang Nhật Bản ngay giữa đại dịch là một ví dụ điển hình cho sự phối hợp nhịp nhàng giữa Bộ Ngoại giao, Cơ quan đại diện và chính quyền địa phương.

Thứ ba, ngoại giao văn hóa được triển khai chủ động, gắn kết chặt chẽ với ngoại giao chính trị và ngoại giao kinh tế. Việc hát Then được ghi danh là Di sản văn hóa phi vật thể đại diện của nhân loại, Khu dự trữ sinh quyển Núi Chúa và Cao nguyên Kon Hà Nừng được công nhận là Khu dự trữ sinh quyển thế giới đã góp phần quảng bá hình ảnh đất nước và con người Việt Nam.

Thứ tư, các địa phương đã đóng góp quan trọng vào công tác bảo vệ chủ quyền, biên giới lãnh thổ; phối hợp chặt chẽ trong công tác lãnh sự, bảo hộ công dân và công tác người Việt Nam ở nước ngoài, trong đó có việc tổ chức hơn 700 chuyến bay đưa hơn 200.000 đồng bào ta về nước an toàn trong đại dịch.

## III. Những hạn chế cần khắc phục

Bên cạnh những kết quả đạt được, chúng ta cũng thẳng thắn nhìn nhận những hạn chế. Một số thỏa thuận quốc tế sau khi ký chưa được triển khai hiệu quả, còn mang tính hình thức. Việc thực hiện quy trình xin ý kiến và báo cáo theo Luật Thỏa thuận quốc tế năm 2020 ở một số nơi còn chậm. Tình trạng mỗi địa phương "tự độc lập tác chiến", chưa liên kết vùng trong xúc tiến đầu tư, thương mại vẫn còn. Đội ngũ cán bộ làm công tác đối ngoại ở một số địa phương còn mỏng, chưa đáp ứng yêu cầu về ngoại ngữ, kỹ năng đàm phán và am hiểu luật pháp quốc tế.

## IV. Nhiệm vụ trọng tâm thời gian tới

Trên cơ sở đó, tôi đề nghị Hội nghị tập trung thảo luận, thống nhất các nhiệm vụ trọng tâm sau đây:

1. Quán triệt sâu sắc và cụ thể hóa đường lối đối ngoại của Đại hội XIII vào chương trình, kế hoạch đối ngoại của từng địa phương; gắn chặt đối ngoại với nhiệm vụ phát triển kinh tế – xã hội, quốc phòng, an ninh của địa phương.
2. Đẩy mạnh ngoại giao kinh tế phục vụ phục hồi và phát triển: mở rộng thị trường cho nông sản, sản phẩm OCOP và hàng hóa chủ lực; thu hút đầu tư có chọn lọc, ưu tiên công nghệ cao, năng lượng sạch, kinh tế số và kinh tế xanh.
3. Nâng cao chất lượng ký kết và thực hiện thỏa thuận quốc tế: tuân thủ nghiêm quy trình xin ý kiến, báo cáo sau ký theo Luật Thỏa thuận quốc tế năm 2020; định kỳ rà soát, đánh giá hiệu quả từng thỏa thuận.
4. Phát huy vai trò của các Cơ quan đại diện như "cánh tay nối dài" của địa phương ở nước ngoài: các địa phương cần "đặt hàng" cụ thể, các Đại sứ tư vấn "đúng đối tác, đúng ngành", rút ngắn thời gian tìm hiểu thị trường.
5. Tăng cường liên kết vùng trong đối ngoại, khắc phục tình trạng dàn trải, trùng lặp; xây dựng các chương trình xúc tiến chung theo vùng kinh tế.
6. Triển khai hiệu quả Chiến lược Ngoại giao văn hóa, quảng bá hình ảnh và thương hiệu địa phương; phát huy nguồn lực của cộng đồng người Việt Nam ở nước ngoài, nhất là đội ngũ trí thức, doanh nhân.
7. Kiện toàn tổ chức bộ máy và nâng cao năng lực đội ngũ cán bộ làm công tác đối ngoại địa phương, coi con người là "giải pháp của giải pháp".

## V. Về chương trình Hội nghị

Hội nghị lần này có ba điểm mới. Một là, hình thức kết hợp trực tiếp và trực tuyến, bảo đảm an toàn phòng dịch mà vẫn phát huy tối đa hiệu quả. Hai là, lần đầu tiên có phiên "Gặp gỡ Đoàn Ngoại giao, Hiệp hội doanh nghiệp nước ngoài, kết nối địa phương, doanh nghiệp Việt Nam", cùng các cuộc trao đổi song phương giữa lãnh đạo địa phương với các Đại sứ, Tổng Lãnh sự. Ba là, Bộ Ngoại giao phối hợp với Bộ Công Thương tổ chức Triển lãm trưng bày sản phẩm thương hiệu Việt Nam, quảng bá các sản phẩm thế mạnh của các địa phương tới bạn bè quốc tế.

Tôi đề nghị các đồng chí đại biểu phát huy tinh thần dân chủ, thẳng thắn, đi sâu phân tích những "rào cản", "nút thắt", đề xuất những giải pháp cụ thể, khả thi, để Hội nghị thực sự là diễn đàn trao đổi thiết thực, mang lại kết quả cho từng địa phương.

Với tinh thần đó, tôi xin tuyên bố khai mạc Hội nghị Ngoại vụ toàn quốc lần thứ 20.

Chúc các đồng chí mạnh khỏe, hạnh phúc và thành công. Chúc Hội nghị thành công tốt đẹp.

Xin trân trọng cảm ơn.
`;
}

export const CLOSING_TITLE = "Phát biểu bế mạc Hội nghị Ngoại vụ toàn quốc lần thứ 20";

export function closingSpeech(agreementsSigned: number): string {
  return `Kính thưa các đồng chí đại biểu,

Sau hai ngày làm việc khẩn trương, nghiêm túc và trách nhiệm, Hội nghị Ngoại vụ toàn quốc lần thứ 20 đã hoàn thành toàn bộ chương trình đề ra. Thay mặt Ban Tổ chức, tôi xin ghi nhận và đánh giá cao những ý kiến tâm huyết, sát thực tiễn của các đồng chí lãnh đạo các bộ, ngành, địa phương và các đồng chí Trưởng Cơ quan đại diện Việt Nam ở nước ngoài.

## Kết quả của Hội nghị

Hội nghị đã đánh giá toàn diện kết quả công tác đối ngoại địa phương giai đoạn 2019–2021, chỉ rõ những hạn chế và nguyên nhân, đồng thời thống nhất phương hướng, nhiệm vụ cho giai đoạn 2022–2026. Hai phiên thảo luận về ngoại giao kinh tế và ngoại giao văn hóa đã nêu nhiều kinh nghiệm hay, nhiều đề xuất cụ thể. Phiên gặp gỡ Đoàn Ngoại giao và các hiệp hội doanh nghiệp nước ngoài cùng các cuộc gặp song phương giữa địa phương và Cơ quan đại diện đã mở ra nhiều cơ hội hợp tác mới.

Đặc biệt, ngay trong khuôn khổ Hội nghị, các địa phương và đối tác nước ngoài đã ký kết ${agreementsSigned} văn kiện hợp tác, trên các lĩnh vực nông nghiệp, du lịch, đầu tư, giáo dục, lao động và văn hóa. Triển lãm sản phẩm thương hiệu Việt Nam đã thu hút sự quan tâm của đông đảo đại biểu trong và ngoài nước.

## Đề nghị sau Hội nghị

- Các địa phương khẩn trương xây dựng kế hoạch triển khai kết luận của Hội nghị, cụ thể hóa thành chương trình đối ngoại năm 2022.
- Các thỏa thuận quốc tế đã ký cần được báo cáo Bộ Ngoại giao đúng thời hạn mười lăm ngày kể từ ngày ký và được triển khai bằng những hoạt động cụ thể.
- Các kết quả gặp gỡ song phương cần được theo dõi, có đầu mối phụ trách và báo cáo định kỳ.
- Bộ Ngoại giao sẽ tổng hợp các kiến nghị của địa phương, phối hợp với các bộ, ngành giải quyết hoặc báo cáo Chính phủ xem xét.

Một lần nữa, tôi xin cảm ơn các đồng chí đại biểu, các cơ quan thông tấn, báo chí và đội ngũ phục vụ đã góp phần vào thành công của Hội nghị. Tôi xin tuyên bố bế mạc Hội nghị Ngoại vụ toàn quốc lần thứ 20.
`;
}

/** The book says "Kỷ yếu" itself (the cover's word, the running header's "Kỷ yếu · …"): the title is the conference's. */
export const BOOK_TITLE = "Hội nghị Ngoại vụ toàn quốc lần thứ 20";
export const BOOK_SUBTITLE = "Đối ngoại địa phương giai đoạn 2019–2021 và phương hướng giai đoạn 2022–2026";
export const BOOK_PUBLISHER = "Bộ Ngoại giao — Cục Ngoại vụ";

export const FOREWORD = `Hội nghị Ngoại vụ toàn quốc được Bộ Ngoại giao tổ chức định kỳ, là diễn đàn để các bộ, ban, ngành Trung ương, các tỉnh, thành phố và các Cơ quan đại diện Việt Nam ở nước ngoài cùng nhìn lại chặng đường đã qua và bàn định hướng công tác đối ngoại địa phương cho giai đoạn tới.

Hội nghị lần thứ 20, với chủ đề "Tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại và hội nhập quốc tế của các địa phương", là Hội nghị đầu tiên được tổ chức sau Đại hội đại biểu toàn quốc lần thứ XIII của Đảng, và cũng là lần đầu tiên kết hợp hình thức trực tiếp với trực tuyến, kết nối trụ sở Bộ Ngoại giao với các Cơ quan đại diện trên khắp các châu lục. Lần đầu tiên, Hội nghị có phiên gặp gỡ Đoàn Ngoại giao và các hiệp hội doanh nghiệp nước ngoài, các cuộc gặp song phương giữa lãnh đạo địa phương với các Đại sứ, Tổng Lãnh sự, và Triển lãm sản phẩm thương hiệu Việt Nam do Bộ Ngoại giao phối hợp với Bộ Công Thương tổ chức.

Cuốn Kỷ yếu này tập hợp các bài phát biểu tại phiên toàn thể, Báo cáo tổng kết công tác đối ngoại địa phương giai đoạn 2019–2021, các tham luận của các địa phương, bộ, ngành và Cơ quan đại diện, tóm tắt các phiên thảo luận do các báo cáo viên của Bộ Ngoại giao chắp bút, cùng các số liệu về đại biểu tham dự, các cuộc gặp song phương, danh mục gian trưng bày và các thỏa thuận quốc tế được ký kết nhân dịp Hội nghị.

Ban Biên tập hy vọng Kỷ yếu sẽ là tài liệu tham khảo hữu ích cho cán bộ làm công tác đối ngoại ở Trung ương và địa phương, góp phần đưa các kết luận của Hội nghị đi vào cuộc sống, để mỗi địa phương thực sự trở thành một chủ thể năng động của hội nhập quốc tế.

Ban Biên tập trân trọng cảm ơn các đại biểu đã gửi bài, các báo cáo viên và các đơn vị đã phối hợp trong quá trình biên soạn.

**Ban Biên tập**
`;
