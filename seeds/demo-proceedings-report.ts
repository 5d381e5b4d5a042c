/**
 * The demo's main report (the Department of External Affairs' review of 2019–2021 and the
 * directions for 2022–2026), with a table of figures. The figures quoted by the press are kept
 * (420 agreements in 2016–2018, more than 200 in 2019–2021, 700 flights home for 200,000
 * citizens, nearly 30 provinces helping about 50 partner localities in 21 countries); the yearly
 * split is the demo's.
 */

export const REPORT_TITLE =
  "Báo cáo tổng kết công tác đối ngoại địa phương giai đoạn 2019–2021 và phương hướng, nhiệm vụ giai đoạn 2022–2026";

export function mainReport(): string {
  return `## Phần thứ nhất. Tình hình và kết quả công tác đối ngoại địa phương giai đoạn 2019–2021

### 1. Bối cảnh

Giai đoạn 2019–2021 diễn ra trong bối cảnh tình hình thế giới và khu vực biến động nhanh, phức tạp, khó lường. Cạnh tranh chiến lược giữa các nước lớn tiếp tục gay gắt; xu thế bảo hộ thương mại gia tăng; đặc biệt, đại dịch Covid-19 bùng phát từ đầu năm 2020 đã gây ra những tác động to lớn chưa từng thấy, làm đảo lộn nhiều chu trình kinh tế – xã hội, đẩy kinh tế thế giới vào suy thoái, làm đứt gãy chuỗi cung ứng và đình trệ giao lưu quốc tế.

Ở trong nước, Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã xác định đường lối đối ngoại độc lập, tự chủ, hòa bình, hợp tác và phát triển, đa phương hóa, đa dạng hóa quan hệ đối ngoại; chủ động và tích cực hội nhập quốc tế toàn diện, sâu rộng. Luật Thỏa thuận quốc tế năm 2020 có hiệu lực từ ngày 01 tháng 7 năm 2021 đã tạo khuôn khổ pháp lý đầy đủ hơn cho việc ký kết và thực hiện thỏa thuận quốc tế của các địa phương.

Với tinh thần biến "nguy" thành "cơ", Bộ Ngoại giao đã sớm chủ động hướng dẫn, phối hợp với các địa phương nắm bắt diễn biến tình hình, xây dựng kế hoạch, phương án triển khai công tác đối ngoại phù hợp với tình hình mới, bảo đảm triển khai đồng đều trên tất cả các mặt: chính trị, kinh tế, văn hóa, thông tin tuyên truyền, biên giới lãnh thổ, lãnh sự và bảo hộ công dân, công tác người Việt Nam ở nước ngoài và công tác phi chính phủ nước ngoài.

### 2. Kết quả chủ yếu

#### 2.1. Quan hệ chính trị – đối ngoại của các địa phương

Quan hệ hợp tác giữa các địa phương ta với các địa phương nước ngoài tiếp tục được củng cố và mở rộng. Dù hoạt động trao đổi đoàn bị gián đoạn nghiêm trọng trong năm 2020 và 2021, các địa phương đã chủ động chuyển sang hình thức gặp gỡ, hội đàm trực tuyến, duy trì được các cơ chế hợp tác đã có và thiết lập thêm nhiều quan hệ mới. Quan hệ với các địa phương của ba nước láng giềng có chung đường biên giới tiếp tục được ưu tiên; các cơ chế hội nghị, giao ban giữa các tỉnh biên giới được duy trì thường xuyên.

Các địa phương đã ký hơn 200 thỏa thuận quốc tế với các địa phương, tổ chức và doanh nghiệp nước ngoài, tiếp nối 420 thỏa thuận của giai đoạn 2016–2018. Cơ cấu đối tác tiếp tục được đa dạng hóa: châu Á vẫn chiếm tỷ trọng lớn nhất, với các đối tác Nhật Bản, Hàn Quốc, Trung Quốc, Lào, Campuchia; quan hệ với các địa phương châu Âu, châu Mỹ và châu Đại Dương có bước phát triển mới.

#### 2.2. Ngoại giao kinh tế phục vụ phát triển địa phương

Ngoại giao kinh tế tiếp tục là điểm sáng. Bộ Ngoại giao đã chủ trì và phối hợp tổ chức trên 30 hội nghị, tọa đàm quốc tế mỗi năm, chuỗi hoạt động "Gặp gỡ Đại sứ", "Giới thiệu địa phương", Diễn đàn "Nhịp cầu phát triển Việt Nam", Hội nghị Gặp gỡ châu Âu, Diễn đàn quốc tế chuyển đổi số nông nghiệp Việt Nam, mời đông đảo lãnh đạo địa phương, cơ quan, tổ chức và doanh nghiệp nước ngoài tham dự, kết nối.

Một số kết quả tiêu biểu:

- Đưa vải thiều Lục Ngạn (Bắc Giang) vào thị trường Nhật Bản ngay trong năm 2020, sau năm năm đàm phán, với sự hỗ trợ tích cực của Đại sứ quán Việt Nam tại Nhật Bản; giá trị sản phẩm tăng khoảng 40%.
- Hỗ trợ xuất khẩu nhãn, thanh long, xoài, bưởi sang Hoa Kỳ, Australia, Liên minh châu Âu; đưa gạo thơm, cà phê đặc sản và sản phẩm OCOP vào các hệ thống phân phối lớn ở nước ngoài.
- Vận động các tập đoàn, doanh nghiệp nước ngoài đầu tư vào các khu công nghiệp, khu kinh tế, nhất là trong lĩnh vực điện tử, năng lượng tái tạo, logistics và chế biến nông sản.
- Hỗ trợ các địa phương khai thác hiệu quả các hiệp định thương mại tự do thế hệ mới như CPTPP, EVFTA, RCEP thông qua hơn một trăm hội nghị phổ biến, tập huấn.

Đầu tư trực tiếp nước ngoài tiếp tục có mặt ở tất cả 63 tỉnh, thành phố; Thành phố Hồ Chí Minh, Bình Dương, Đồng Nai, Hà Nội, Bà Rịa - Vũng Tàu, Bắc Ninh, Hải Phòng vẫn là các địa phương dẫn đầu về thu hút vốn. Vận động viện trợ phi chính phủ nước ngoài được duy trì, đóng góp đáng kể vào giảm nghèo, y tế và giáo dục ở các vùng khó khăn.

#### 2.3. Một số số liệu chủ yếu

| Chỉ tiêu | 2019 | 2020 | 2021 | Cả giai đoạn |
| --- | ---: | ---: | ---: | ---: |
| Thỏa thuận quốc tế cấp địa phương được ký | 94 | 52 | 61 | 207 |
| Vốn FDI đăng ký vào các địa phương (tỷ USD) | 38,0 | 28,5 | 31,2 | 97,7 |
| Đoàn ra của lãnh đạo cấp tỉnh | 1.420 | 186 | 97 | 1.703 |
| Đoàn vào làm việc với các địa phương | 2.960 | 610 | 540 | 4.110 |
| Hội nghị, tọa đàm trực tuyến với đối tác nước ngoài | 35 | 410 | 620 | 1.065 |
| Viện trợ phi chính phủ nước ngoài giải ngân (triệu USD) | 245 | 210 | 190 | 645 |

*Nguồn: tổng hợp báo cáo của các tỉnh, thành phố và các Cơ quan đại diện Việt Nam ở nước ngoài.*

#### 2.4. Ngoại giao văn hóa và thông tin đối ngoại

Công tác ngoại giao văn hóa được chủ động triển khai, gắn kết với ngoại giao chính trị và ngoại giao kinh tế. Các địa phương đã phối hợp với Bộ Ngoại giao hoàn thiện hồ sơ để UNESCO ghi danh nghệ thuật Xòe Thái và thực hành Then của người Tày, Nùng, Thái là Di sản văn hóa phi vật thể đại diện của nhân loại; công nhận Khu dự trữ sinh quyển Núi Chúa (Ninh Thuận) và Kon Hà Nừng (Gia Lai); công nhận Công viên địa chất toàn cầu Non Nước Cao Bằng. Nhiều địa phương xuất bản bản tin đối ngoại, xây dựng trang thông tin đối ngoại bằng tiếng nước ngoài, tổ chức các tuần văn hóa, ẩm thực trực tuyến.

#### 2.5. Biên giới lãnh thổ, lãnh sự và người Việt Nam ở nước ngoài

Các địa phương đã phối hợp chặt chẽ với Bộ Ngoại giao trong quản lý biên giới; các đường biên giới và hệ thống mốc quốc giới được giữ vững, trật tự an toàn xã hội khu vực biên giới được bảo đảm. Công tác tuyên truyền, bảo hộ ngư dân, tàu cá được triển khai đồng bộ.

Công tác lãnh sự và bảo hộ công dân là điểm sáng trong đại dịch: các địa phương đã phối hợp tổ chức hơn 700 chuyến bay đưa hơn 200.000 công dân Việt Nam ở nước ngoài về nước, bố trí cách ly và hỗ trợ tại các cửa khẩu. Gần 30 tỉnh, thành phố đã hỗ trợ vật tư y tế cho gần 50 địa phương đối tác của 21 nước, được bạn bè quốc tế đánh giá cao; ngược lại, các địa phương cũng nhận được sự hỗ trợ quý báu về vắc-xin và trang thiết bị y tế.

#### 2.6. Hỗ trợ của Bộ Ngoại giao và các Cơ quan đại diện

Bộ Ngoại giao đã tham gia chuẩn bị nội dung, phục vụ các hoạt động của Lãnh đạo cấp cao liên quan đến địa phương; tổ chức các đoàn công tác của Lãnh đạo Bộ làm việc tại các tỉnh, thành phố; cho ý kiến đối với các đề án, thỏa thuận quốc tế của địa phương. Các Cơ quan đại diện đã chủ động cung cấp thông tin thị trường, thẩm định đối tác, giới thiệu doanh nghiệp, tham gia các hội nghị xúc tiến đầu tư do địa phương tổ chức.

### 3. Hạn chế và nguyên nhân

Bên cạnh những kết quả đạt được, công tác đối ngoại địa phương còn một số hạn chế:

- Một số thỏa thuận quốc tế sau khi ký chưa được triển khai, còn hình thức; việc xin ý kiến Bộ Ngoại giao và báo cáo sau ký ở một số địa phương chưa đúng thời hạn quy định.
- Hoạt động xúc tiến còn dàn trải, trùng lặp, thiếu liên kết vùng; chưa khai thác hết lợi thế khác biệt của từng địa phương.
- Thông tin về nhu cầu, thế mạnh của địa phương cung cấp cho các Cơ quan đại diện chưa cụ thể, chưa được cập nhật thường xuyên.
- Tổ chức bộ máy và biên chế của cơ quan ngoại vụ một số địa phương chưa ổn định; năng lực ngoại ngữ, đàm phán của một bộ phận cán bộ còn hạn chế.

Nguyên nhân chủ yếu là nhận thức về vai trò của đối ngoại địa phương ở một số nơi chưa đầy đủ; cơ chế phối hợp giữa các bộ, ngành, địa phương và Cơ quan đại diện chưa thực sự chặt chẽ; nguồn lực dành cho công tác đối ngoại còn hạn chế; và tác động khách quan của đại dịch Covid-19.

### 4. Bài học kinh nghiệm

Một là, phải bám sát chủ trương, đường lối đối ngoại của Đảng, bảo đảm sự lãnh đạo thống nhất của cấp ủy, sự quản lý tập trung của chính quyền đối với các hoạt động đối ngoại.

Hai là, phải xuất phát từ nhu cầu thực tế và lợi thế của địa phương, "đặt hàng" cụ thể cho Bộ Ngoại giao và các Cơ quan đại diện.

Ba là, phải phát huy sức mạnh tổng hợp, phối hợp chặt chẽ giữa đối ngoại đảng, ngoại giao nhà nước và đối ngoại nhân dân.

Bốn là, phải linh hoạt, sáng tạo trong phương thức triển khai, thích ứng nhanh với điều kiện mới.

## Phần thứ hai. Phương hướng, nhiệm vụ giai đoạn 2022–2026

### 1. Dự báo tình hình

Thời gian tới, hòa bình, hợp tác và phát triển vẫn là xu thế lớn nhưng đứng trước nhiều trở ngại. Các nền kinh tế từng bước phục hồi sau đại dịch; chuyển đổi số, chuyển đổi xanh, phát triển bền vững trở thành xu thế chủ đạo. Các hiệp định thương mại tự do thế hệ mới mở ra nhiều cơ hội nhưng cũng đặt ra yêu cầu cao về tiêu chuẩn và năng lực cạnh tranh của địa phương và doanh nghiệp.

### 2. Mục tiêu

Nâng cao hiệu quả công tác đối ngoại địa phương, phục vụ thiết thực phục hồi và phát triển kinh tế – xã hội; đưa quan hệ hợp tác với các đối tác nước ngoài đi vào chiều sâu, thực chất; góp phần giữ vững môi trường hòa bình, ổn định và nâng cao vị thế của đất nước.

### 3. Nhiệm vụ và giải pháp chủ yếu

1. **Cụ thể hóa đường lối đối ngoại của Đại hội XIII** trong chương trình hành động của từng địa phương; xây dựng kế hoạch đối ngoại năm năm và hằng năm gắn với quy hoạch tỉnh.
2. **Đẩy mạnh ngoại giao kinh tế** với trọng tâm là mở rộng thị trường, thu hút đầu tư chất lượng cao, chuyển giao công nghệ, phát triển nguồn nhân lực:
   - ưu tiên các lĩnh vực kinh tế số, thương mại điện tử, nông nghiệp công nghệ cao, năng lượng sạch;
   - gắn xúc tiến với xây dựng thương hiệu sản phẩm, chỉ dẫn địa lý và truy xuất nguồn gốc;
   - tổ chức định kỳ các hoạt động "Gặp gỡ Đại sứ", "Giới thiệu địa phương" theo vùng.
3. **Nâng cao chất lượng thỏa thuận quốc tế**: tuân thủ đúng quy trình của Luật Thỏa thuận quốc tế năm 2020 và Nghị định số 64/2021/NĐ-CP; xin ý kiến Bộ Ngoại giao trước khi ký; báo cáo trong thời hạn mười lăm ngày sau khi ký; rà soát, chấm dứt các thỏa thuận không còn hiệu quả.
4. **Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030**, quảng bá di sản, danh thắng, lễ hội; lồng ghép quảng bá văn hóa trong các hoạt động xúc tiến kinh tế.
5. **Phối hợp bảo vệ chủ quyền, biên giới lãnh thổ**, xây dựng đường biên giới hòa bình, hữu nghị, hợp tác và phát triển với các nước láng giềng.
6. **Làm tốt công tác lãnh sự, bảo hộ công dân và công tác người Việt Nam ở nước ngoài**, thu hút nguồn lực trí thức, chuyên gia, doanh nhân kiều bào.
7. **Kiện toàn tổ chức bộ máy và đào tạo cán bộ**: bồi dưỡng ngoại ngữ, kỹ năng đàm phán, pháp luật quốc tế; luân chuyển, trao đổi cán bộ giữa Bộ Ngoại giao và địa phương.

### 4. Kiến nghị

Đối với Chính phủ: sớm ban hành quy định sửa đổi về quản lý thống nhất các hoạt động đối ngoại của địa phương, phù hợp với Luật Thỏa thuận quốc tế năm 2020.

Đối với các bộ, ngành: phối hợp chặt chẽ với Bộ Ngoại giao trong hỗ trợ địa phương, chia sẻ thông tin về thị trường, tiêu chuẩn kỹ thuật và các rào cản thương mại.

Đối với các địa phương: bố trí nguồn lực tương xứng cho công tác đối ngoại; chủ động cung cấp thông tin, "đặt hàng" cụ thể cho các Cơ quan đại diện; định kỳ đánh giá hiệu quả các thỏa thuận đã ký.

Với tinh thần chủ động, sáng tạo và quyết tâm cao, công tác đối ngoại địa phương giai đoạn 2022–2026 nhất định sẽ đạt được những kết quả mới, xứng đáng là một bộ phận quan trọng của nền ngoại giao toàn diện, hiện đại của Việt Nam.
`;
}
