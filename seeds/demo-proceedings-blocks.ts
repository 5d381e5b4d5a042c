/**
 * Building blocks of the demo presentations (seeds/demo-proceedings-presentations.ts): themed
 * paragraphs with their headings and proposals, chosen by a province's real strengths and varied by
 * the seeded PRNG. Placeholders: {P} the province as a sentence names it ("tỉnh Lào Cai"), {N} its
 * bare name, {PRODUCTS} its products, {PARTNERS} its partners abroad, {FACT} one result of its own.
 */

export const THEMES = [
  "agriculture",
  "tourism",
  "industry",
  "border",
  "seaport",
  "culture",
  "digital",
  "labour",
] as const;
export type Theme = (typeof THEMES)[number];

interface ThemeBlock {
  headings: string[];
  paragraphs: string[];
  proposals: string[];
}

export const THEME_BLOCKS: Record<Theme, ThemeBlock> = {
  agriculture: {
    headings: ["Đưa nông sản và sản phẩm OCOP ra thị trường thế giới", "Ngoại giao kinh tế cho nông sản chủ lực"],
    paragraphs: [
      "Nông nghiệp vẫn là trụ đỡ của nền kinh tế {P}. Trong ba năm qua, tỉnh đã tập trung xây dựng vùng nguyên liệu đạt tiêu chuẩn VietGAP, GlobalGAP, cấp mã số vùng trồng và mã số cơ sở đóng gói để {PRODUCTS} đáp ứng yêu cầu của các thị trường khó tính. Với sự hỗ trợ của Bộ Ngoại giao và các Cơ quan đại diện, các hội nghị xúc tiến tiêu thụ được tổ chức theo hình thức trực tuyến, kết nối trực tiếp hợp tác xã với nhà nhập khẩu, hệ thống siêu thị và sàn thương mại điện tử nước ngoài. {FACT}",
      'Xác định sản phẩm OCOP là "đại sứ" của địa phương, {P} đã có hàng trăm sản phẩm đạt từ ba sao trở lên, trong đó {PRODUCTS} đã có mặt tại nhiều thị trường. Tuy nhiên, sản xuất còn nhỏ lẻ, khâu bảo quản, chế biến sâu và xây dựng thương hiệu còn yếu; thông tin về tiêu chuẩn kỹ thuật, hàng rào kiểm dịch của thị trường nhập khẩu chưa đến kịp với người sản xuất. Chúng tôi đặc biệt trân trọng vai trò của các Thương vụ và Cơ quan đại diện trong việc cảnh báo sớm và tháo gỡ vướng mắc cho từng lô hàng.',
    ],
    proposals: [
      "Đề nghị các Cơ quan đại diện hỗ trợ giới thiệu nhà nhập khẩu uy tín, thẩm định đối tác trước khi ký hợp đồng xuất khẩu {PRODUCTS}.",
      "Đề nghị Bộ Ngoại giao phối hợp với Bộ Nông nghiệp và Phát triển nông thôn đẩy nhanh đàm phán mở cửa thị trường cho các loại quả tươi.",
      "Đề nghị tổ chức tuần hàng, phiên chợ nông sản Việt Nam tại các thị trường có đông cộng đồng người Việt.",
    ],
  },
  tourism: {
    headings: ["Quảng bá điểm đến, phục hồi du lịch quốc tế", "Du lịch – cầu nối giữa {N} và bạn bè quốc tế"],
    paragraphs: [
      "Du lịch là ngành kinh tế mũi nhọn của {P}. Trước đại dịch, tỉnh đón hàng triệu lượt khách quốc tế mỗi năm, chủ yếu từ các thị trường Đông Bắc Á và châu Âu. Thời gian qua, tỉnh đã tranh thủ giai đoạn đóng cửa để nâng cấp hạ tầng, chuẩn hóa dịch vụ, xây dựng các sản phẩm du lịch gắn với di sản và văn hóa bản địa. Chúng tôi đang chuẩn bị các điều kiện để đón lại khách quốc tế theo lộ trình an toàn, trong đó có việc phối hợp với {PARTNERS} tổ chức các đoàn khảo sát, famtrip cho doanh nghiệp lữ hành.",
      "Với lợi thế về cảnh quan và bản sắc văn hóa, {P} coi quảng bá hình ảnh là nhiệm vụ thường xuyên của công tác đối ngoại. Các ấn phẩm giới thiệu tỉnh đã được xuất bản bằng tiếng Anh, tiếng Nhật, tiếng Hàn, tiếng Trung; các video quảng bá được giới thiệu tại hội chợ du lịch quốc tế qua các Cơ quan đại diện. {FACT} Tuy vậy, kết nối hàng không trực tiếp còn hạn chế, sản phẩm du lịch chưa thật sự khác biệt so với các địa phương lân cận.",
    ],
    proposals: [
      "Đề nghị các Cơ quan đại diện hỗ trợ kết nối với các hãng hàng không để mở đường bay thẳng, đường bay thuê chuyến đến {N}.",
      "Đề nghị Bộ Ngoại giao lồng ghép quảng bá điểm đến {N} trong các hoạt động ngoại giao văn hóa ở nước ngoài.",
      "Đề nghị hỗ trợ mời các hãng lữ hành, báo chí du lịch nước ngoài khảo sát các tuyến du lịch mới của tỉnh.",
    ],
  },
  industry: {
    headings: ["Thu hút đầu tư vào các khu công nghiệp", "Xúc tiến đầu tư có chọn lọc, hướng tới tăng trưởng xanh"],
    paragraphs: [
      "{P} đã hình thành hệ thống khu công nghiệp với tỷ lệ lấp đầy cao, thu hút nhiều tập đoàn lớn trong lĩnh vực điện tử, cơ khí chính xác và công nghiệp hỗ trợ. Quan điểm của tỉnh là thu hút đầu tư có chọn lọc: ưu tiên dự án công nghệ cao, thân thiện môi trường, có liên kết với doanh nghiệp trong nước; kiên quyết không nhận dự án công nghệ lạc hậu. {FACT} Các Cơ quan đại diện, nhất là tại Nhật Bản, Hàn Quốc và Singapore, đã giúp tỉnh tiếp cận trực tiếp ban lãnh đạo các tập đoàn và tổ chức các buổi giới thiệu môi trường đầu tư ngay tại nước sở tại.",
      "Trong bối cảnh dịch chuyển chuỗi cung ứng, {P} chủ động chuẩn bị quỹ đất sạch, hạ tầng điện, nước, xử lý chất thải và nhà ở cho công nhân để đón làn sóng đầu tư mới. Tỉnh đã thành lập tổ công tác đặc biệt hỗ trợ nhà đầu tư, rút ngắn thời gian cấp phép, đồng thời phối hợp với {PARTNERS} chia sẻ kinh nghiệm quản lý khu công nghiệp sinh thái. Thách thức lớn nhất hiện nay là nguồn nhân lực kỹ thuật chưa đáp ứng kịp nhu cầu của các dự án công nghệ cao.",
    ],
    proposals: [
      "Đề nghị các Cơ quan đại diện cung cấp danh sách các tập đoàn có kế hoạch mở rộng sản xuất tại khu vực, để tỉnh chủ động tiếp cận.",
      "Đề nghị hỗ trợ tổ chức hội nghị xúc tiến đầu tư của {N} tại nước ngoài theo hình thức kết hợp trực tiếp và trực tuyến.",
      "Đề nghị kết nối các trường đào tạo nghề của tỉnh với doanh nghiệp, cơ sở đào tạo của nước đối tác.",
    ],
  },
  border: {
    headings: ["Hợp tác biên giới và kinh tế cửa khẩu", "Xây dựng đường biên giới hòa bình, hữu nghị, hợp tác"],
    paragraphs: [
      "Là địa phương có đường biên giới dài, {P} luôn coi trọng quan hệ với các địa phương giáp biên của nước bạn. Các cơ chế hội đàm, giao ban định kỳ được duy trì ngay cả trong thời kỳ dịch bệnh căng thẳng nhất, bảo đảm thông quan hàng hóa, nhất là nông sản vào mùa thu hoạch. Tỉnh đã phối hợp chặt chẽ với {PARTNERS} trong quản lý mốc giới, phòng chống buôn lậu, buôn bán người và dịch bệnh qua biên giới. {FACT}",
      "Kinh tế cửa khẩu là động lực tăng trưởng của {P}. Tỉnh đang triển khai thí điểm cửa khẩu số, kết nối dữ liệu thông quan với phía bạn, mở rộng bãi kiểm hóa và kho lạnh cho hàng nông sản. Chúng tôi đề nghị các bộ, ngành tiếp tục đàm phán nâng cấp các cặp cửa khẩu, tạo thuận lợi cho phương tiện và người lao động qua lại, đồng thời hỗ trợ doanh nghiệp chuyển dần từ xuất khẩu tiểu ngạch sang chính ngạch để giảm rủi ro ùn tắc.",
    ],
    proposals: [
      "Đề nghị Bộ Ngoại giao thúc đẩy với phía bạn việc nâng cấp, mở mới các cặp cửa khẩu trên địa bàn tỉnh.",
      "Đề nghị hỗ trợ cơ chế trao đổi thông tin nhanh về tình hình thông quan nông sản vào mùa cao điểm.",
      "Đề nghị tiếp tục hỗ trợ đào tạo lưu học sinh và cán bộ của các tỉnh giáp biên nước bạn.",
    ],
  },
  seaport: {
    headings: ["Phát huy lợi thế cảng biển và logistics", "Kinh tế biển – không gian phát triển mới"],
    paragraphs: [
      "Với hệ thống cảng biển nước sâu và vị trí cửa ngõ ra biển, {P} xác định logistics và kinh tế biển là hướng đột phá. Tỉnh đang kêu gọi đầu tư các bến cảng container, trung tâm logistics và khu công nghiệp sau cảng, đồng thời nghiên cứu mô hình cảng xanh theo kinh nghiệm của {PARTNERS}. {FACT} Sự hỗ trợ của các Cơ quan đại diện trong việc giới thiệu các hãng tàu, nhà khai thác cảng quốc tế có ý nghĩa rất quan trọng đối với tỉnh.",
      "Kinh tế biển của {P} gồm khai thác, nuôi trồng thủy sản, du lịch biển đảo và dịch vụ hàng hải. Tỉnh đã phối hợp với Bộ Ngoại giao tuyên truyền cho ngư dân về quy định chống khai thác bất hợp pháp, không báo cáo và không theo quy định (IUU), bảo hộ ngư dân, tàu cá gặp nạn ở vùng biển nước ngoài. Chúng tôi mong muốn hợp tác với các địa phương nước ngoài có kinh nghiệm trong nuôi biển công nghệ cao và bảo tồn hệ sinh thái biển.",
    ],
    proposals: [
      "Đề nghị các Cơ quan đại diện giới thiệu các nhà đầu tư cảng biển, hãng tàu quốc tế quan tâm đến {N}.",
      'Đề nghị tiếp tục phối hợp bảo hộ ngư dân, tàu cá và hỗ trợ gỡ "thẻ vàng" IUU.',
      "Đề nghị kết nối tỉnh với các địa phương nước ngoài có thế mạnh về nuôi biển và chế biến thủy sản.",
    ],
  },
  culture: {
    headings: ["Ngoại giao văn hóa, quảng bá hình ảnh địa phương", "Di sản văn hóa – nguồn lực của hội nhập"],
    paragraphs: [
      "{P} là vùng đất giàu truyền thống văn hóa, lịch sử. Tỉnh đã phối hợp với Bộ Ngoại giao và Ủy ban Quốc gia UNESCO Việt Nam trong việc bảo tồn, phát huy giá trị di sản và xây dựng hồ sơ đề cử các danh hiệu quốc tế. {FACT} Các chương trình giao lưu văn hóa trực tuyến với {PARTNERS} đã được tổ chức thường xuyên, góp phần duy trì tình cảm hữu nghị khi việc đi lại bị hạn chế.",
      "Chúng tôi nhận thức rằng ngoại giao văn hóa không chỉ là quảng bá, mà còn tạo ra giá trị kinh tế thông qua du lịch, sản phẩm thủ công và công nghiệp văn hóa. {P} đã đưa các làng nghề, lễ hội truyền thống vào các tuyến du lịch; phối hợp với cộng đồng người Việt Nam ở nước ngoài tổ chức các ngày văn hóa của tỉnh. Điều chúng tôi còn thiếu là đội ngũ hướng dẫn viên, phiên dịch viên am hiểu văn hóa và ngoại ngữ.",
    ],
    proposals: [
      "Đề nghị hỗ trợ tổ chức Ngày {N} tại nước ngoài nhân các sự kiện ngoại giao văn hóa lớn.",
      "Đề nghị Bộ Ngoại giao tiếp tục hỗ trợ xây dựng hồ sơ di sản và kết nối với các chuyên gia quốc tế.",
    ],
  },
  digital: {
    headings: ["Chuyển đổi số và đổi mới sáng tạo", "Hợp tác quốc tế về kinh tế số"],
    paragraphs: [
      "{P} đặt mục tiêu trở thành trung tâm đổi mới sáng tạo của vùng. Tỉnh đã xây dựng đề án thành phố thông minh, trung tâm điều hành số và hệ sinh thái khởi nghiệp, kết nối với các vườn ươm, quỹ đầu tư của {PARTNERS}. {FACT} Chúng tôi mong muốn các Cơ quan đại diện giúp tìm kiếm đối tác công nghệ, chuyên gia người Việt ở nước ngoài sẵn sàng đóng góp cho chương trình chuyển đổi số của tỉnh.",
      "Đại dịch đã thúc đẩy mạnh mẽ việc ứng dụng công nghệ số trong công tác đối ngoại của {P}: các cuộc hội đàm, ký kết trực tuyến, các gian hàng ảo tại hội chợ quốc tế và việc đưa sản phẩm lên sàn thương mại điện tử xuyên biên giới. Cơ sở dữ liệu đối tác nước ngoài của tỉnh đang được xây dựng để quản lý, theo dõi thống nhất các thỏa thuận quốc tế và các cam kết sau các cuộc gặp.",
    ],
    proposals: [
      "Đề nghị kết nối tỉnh với các trung tâm đổi mới sáng tạo, vườn ươm khởi nghiệp của nước sở tại.",
      "Đề nghị Bộ Ngoại giao chia sẻ cơ sở dữ liệu đối tác, thị trường để các địa phương cùng khai thác.",
    ],
  },
  labour: {
    headings: ["Hợp tác lao động và phát triển nguồn nhân lực", "Nguồn nhân lực cho hội nhập"],
    paragraphs: [
      "Mỗi năm, {P} có hàng nghìn lao động đi làm việc có thời hạn ở nước ngoài, chủ yếu tại Nhật Bản, Hàn Quốc và Đài Loan (Trung Quốc). Kiều hối đã góp phần quan trọng vào giảm nghèo và xây dựng nông thôn mới. Tỉnh chú trọng đào tạo ngoại ngữ, kỹ năng nghề trước khi xuất cảnh, đồng thời phối hợp với các Cơ quan đại diện bảo vệ quyền lợi chính đáng của người lao động. {FACT}",
      "Để chuyển từ xuất khẩu lao động phổ thông sang lao động có kỹ năng, {P} đã ký kết hợp tác với {PARTNERS} về đào tạo nghề theo tiêu chuẩn quốc tế, tiếp nhận thực tập sinh và học bổng cho sinh viên. Chúng tôi cũng quan tâm đến việc thu hút người lao động trở về đóng góp kỹ năng, vốn và tác phong công nghiệp cho các doanh nghiệp của tỉnh.",
    ],
    proposals: [
      "Đề nghị các Cơ quan đại diện giới thiệu các địa phương, doanh nghiệp nước ngoài có nhu cầu tiếp nhận lao động kỹ năng.",
      "Đề nghị hỗ trợ cơ chế bảo hộ và tư vấn pháp lý cho lao động của tỉnh tại nước ngoài.",
    ],
  },
};

/** How a presentation begins: {SPEAKER} the speaker's position. */
export const INTRODUCTIONS = [
  "Kính thưa Chủ tọa,\n\nKính thưa các đồng chí đại biểu,\n\nTrước hết, thay mặt lãnh đạo {P}, tôi xin gửi lời cảm ơn chân thành tới Bộ Ngoại giao đã tổ chức Hội nghị và tạo điều kiện để tỉnh chia sẻ kinh nghiệm. Giai đoạn 2019–2021, trong điều kiện hết sức khó khăn do đại dịch, công tác đối ngoại của tỉnh vẫn được triển khai chủ động, bám sát nhiệm vụ chính trị của địa phương. Quan hệ với {PARTNERS} tiếp tục được củng cố, nhiều hoạt động hợp tác đã được chuyển sang hình thức trực tuyến.",
  "Kính thưa các đồng chí,\n\n{P} rất vinh dự được trình bày tham luận tại Hội nghị Ngoại vụ toàn quốc lần thứ 20. Trong những năm qua, Tỉnh ủy, Hội đồng nhân dân và Ủy ban nhân dân tỉnh luôn xác định đối ngoại là một trong những động lực của phát triển. Tỉnh hiện có quan hệ hợp tác với nhiều địa phương, tổ chức nước ngoài, trong đó các đối tác quan trọng là {PARTNERS}. Xin phép được chia sẻ một số kết quả, kinh nghiệm và kiến nghị.",
  "Thưa Hội nghị,\n\nThực hiện chủ trương của Đảng về đối ngoại, {P} đã ban hành chương trình hành động về hội nhập quốc tế giai đoạn 2021–2025, trong đó ngoại giao kinh tế được đặt ở vị trí trung tâm. Sự đồng hành của Bộ Ngoại giao và các Cơ quan đại diện Việt Nam ở nước ngoài đã giúp tỉnh mở rộng quan hệ với {PARTNERS} và tiếp cận nhiều nhà đầu tư, thị trường mới. Tham luận của tỉnh tập trung vào những nội dung sau.",
  "Kính thưa các vị đại biểu,\n\nNhìn lại ba năm kể từ Hội nghị Ngoại vụ lần thứ 19, có thể khẳng định công tác đối ngoại đã đóng góp thiết thực vào những thành tựu phát triển của {P}. Các thỏa thuận hợp tác với {PARTNERS} không dừng lại trên giấy mà đã được cụ thể hóa bằng các dự án, chương trình trao đổi. Từ thực tiễn của tỉnh, tôi xin nêu một số vấn đề mà chúng tôi tâm đắc.",
];

export const CONCLUSIONS = [
  'Với tinh thần "chủ động, sáng tạo, hiệu quả", {P} cam kết tiếp tục phối hợp chặt chẽ với Bộ Ngoại giao và các Cơ quan đại diện để đưa các kết luận của Hội nghị vào thực tiễn. Xin trân trọng cảm ơn.',
  "Một lần nữa, xin cảm ơn Bộ Ngoại giao và các Cơ quan đại diện đã luôn đồng hành cùng {P}. Chúc Hội nghị thành công tốt đẹp.",
  "{P} mong muốn tiếp tục nhận được sự quan tâm, hỗ trợ của Bộ Ngoại giao, các bộ, ngành và các Cơ quan đại diện. Xin trân trọng cảm ơn Hội nghị.",
];

export const PROPOSALS_HEADINGS = [
  "Một số kiến nghị",
  "Đề xuất, kiến nghị",
  "Kiến nghị với Bộ Ngoại giao và các Cơ quan đại diện",
];
