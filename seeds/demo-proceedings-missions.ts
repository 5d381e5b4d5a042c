/**
 * The demo's presentations by heads of missions (at the meeting with the diplomatic corps; two of
 * them in English, as ambassadors to English-speaking countries sometimes write) and by ministries
 * (in the discussions). Each has its own market, partners and asks; the frame is shared.
 */

export interface MissionProfile {
  code: string;
  language: "vi" | "en";
  market: string;
  partners: string;
  results: string;
  asks: string[];
}

export const MISSION_PROFILES: MissionProfile[] = [
  {
    code: "mis-emb-jp",
    language: "vi",
    market:
      "Nhật Bản là đối tác kinh tế hàng đầu của Việt Nam: nhà cung cấp ODA lớn nhất, nhà đầu tư thứ hai và thị trường xuất khẩu thứ tư của ta. Người tiêu dùng Nhật Bản đặc biệt khắt khe về chất lượng, an toàn thực phẩm và tính ổn định của nguồn hàng, nhưng khi đã tin tưởng thì rất trung thành.",
    partners:
      "Hiện có hơn 100 cặp quan hệ hợp tác giữa các địa phương hai nước, trong đó nhiều tỉnh như Kanagawa, Ibaraki, Kyoto, Hyogo, Nagasaki đã có cơ chế trao đổi đoàn thường xuyên.",
    results:
      "Đại sứ quán đã phối hợp với tỉnh Bắc Giang và các cơ quan chức năng Nhật Bản đưa vải thiều Lục Ngạn vào thị trường Nhật Bản ngay trong mùa dịch năm 2020, tổ chức các tuần hàng trái cây Việt Nam tại các hệ thống siêu thị AEON, và hỗ trợ hơn 20 địa phương tổ chức hội nghị xúc tiến đầu tư trực tuyến với các doanh nghiệp Nhật Bản.",
    asks: [
      "Các địa phương cần chuẩn bị danh mục dự án cụ thể, có thông tin đầy đủ về đất đai, hạ tầng và ưu đãi, bằng tiếng Nhật.",
      "Cần chú trọng chất lượng lao động đi thực tập kỹ năng, giảm tình trạng bỏ trốn, vi phạm pháp luật.",
      "Đề nghị các địa phương cử đầu mối thường trực liên hệ với Đại sứ quán để xử lý nhanh các vướng mắc.",
    ],
  },
  {
    code: "mis-emb-kr",
    language: "vi",
    market:
      "Hàn Quốc là nhà đầu tư nước ngoài lớn nhất tại Việt Nam, với hơn 9.000 dự án còn hiệu lực, tập trung ở Bắc Ninh, Thái Nguyên, Hải Phòng, Đồng Nai. Thị trường Hàn Quốc có nhu cầu lớn về trái cây nhiệt đới, thủy sản và lao động kỹ năng.",
    partners:
      "Nhiều tỉnh của Hàn Quốc như Gyeonggi, Gangwon, Jeollanam-do, Gyeongsangbuk-do và các thành phố Incheon, Busan, Daegu đã có quan hệ kết nghĩa với các địa phương Việt Nam.",
    results:
      "Đại sứ quán đã hỗ trợ tổ chức các diễn đàn hợp tác địa phương Việt Nam – Hàn Quốc, kết nối các tập đoàn lớn với các tỉnh, và phối hợp đưa lao động thời vụ ngành nông nghiệp sang làm việc theo cơ chế hợp tác giữa các địa phương.",
    asks: [
      "Các địa phương nên xây dựng chương trình hợp tác lao động thời vụ có sự giám sát chặt chẽ của chính quyền hai bên.",
      "Cần đẩy mạnh quảng bá du lịch khi Hàn Quốc mở lại các đường bay.",
      "Đề nghị các tỉnh có thế mạnh công nghiệp hỗ trợ chủ động kết nối với chuỗi cung ứng của các tập đoàn Hàn Quốc.",
    ],
  },
  {
    code: "mis-emb-la",
    language: "vi",
    market:
      "Quan hệ đặc biệt Việt Nam – Lào là tài sản vô giá của hai dân tộc. Mười tỉnh biên giới của ta có quan hệ với các tỉnh bạn, đồng thời nhiều tỉnh không giáp biên cũng đã thiết lập hợp tác trên các lĩnh vực nông nghiệp, giáo dục, y tế.",
    partners:
      "Các cặp tỉnh kết nghĩa như Nghệ An – Xiêng Khoảng, Điện Biên – Phông-xa-lỳ, Quảng Trị – Savannakhet là những mô hình tiêu biểu về hợp tác toàn diện.",
    results:
      "Đại sứ quán đã phối hợp với các địa phương hỗ trợ bạn vật tư y tế, vắc-xin trong đại dịch, duy trì đào tạo lưu học sinh Lào tại Việt Nam và thúc đẩy các dự án đầu tư nông nghiệp, thủy điện của doanh nghiệp ta.",
    asks: [
      "Các tỉnh biên giới cần phối hợp chặt chẽ trong quản lý người di cư tự do và kết hôn không giá thú.",
      "Đề nghị nâng cao hiệu quả các dự án viện trợ, tập trung vào công trình thiết thực cho đời sống nhân dân bạn.",
      "Cần kết nối doanh nghiệp địa phương với các dự án trồng cây công nghiệp, chế biến nông sản tại Lào.",
    ],
  },
  {
    code: "mis-emb-fr",
    language: "vi",
    market:
      "Pháp là đối tác quan trọng của Việt Nam tại châu Âu, là cửa ngõ để hàng hóa của ta vào thị trường Liên minh châu Âu theo Hiệp định EVFTA. Người tiêu dùng Pháp quan tâm đến các sản phẩm có chỉ dẫn địa lý, sản xuất bền vững và có câu chuyện văn hóa.",
    partners:
      "Hợp tác phi tập trung Việt – Pháp là một trong những kênh hợp tác địa phương lâu đời nhất, với các vùng Normandie, Auvergne-Rhône-Alpes, Centre-Val de Loire, Occitanie và Thành phố Paris.",
    results:
      "Đại sứ quán đã tổ chức các Hội nghị hợp tác phi tập trung, hỗ trợ đưa các sản phẩm cà phê, hồ tiêu, gạo có chỉ dẫn địa lý vào các chuỗi phân phối, và phối hợp với các địa phương bảo tồn di sản kiến trúc.",
    asks: [
      "Các địa phương cần tận dụng ưu đãi thuế quan của EVFTA, chú trọng đáp ứng tiêu chuẩn môi trường và lao động.",
      "Đề nghị phát triển các dự án hợp tác trong lĩnh vực đô thị bền vững, y tế và đào tạo nghề.",
    ],
  },
  {
    code: "mis-emb-au",
    language: "en",
    market:
      "Australia has become one of Viet Nam's most dynamic partners since the two countries raised their ties to a Strategic Partnership in 2018. Australian consumers value traceability and food safety, and Vietnamese lychees, mangoes, longans and dragon fruit now reach supermarket shelves in every state.",
    partners:
      "Australian states have been active partners of our provinces: Queensland, Victoria, New South Wales and South Australia have signed or renewed cooperation arrangements with provinces from Quảng Ninh to Khánh Hòa and Thái Nguyên.",
    results:
      "During the pandemic the Embassy held more than forty online business matching sessions, supported provinces in promoting their fruit exports, and worked with Australian universities to keep scholarships open for students from our provinces.",
    asks: [
      "Provinces should prepare investment projects in English with clear data on land, infrastructure and incentives.",
      "We encourage provinces to work with Australian states on vocational training and the agricultural labour scheme.",
      "Please designate a single contact point for each province so that the Embassy can respond to opportunities quickly.",
    ],
  },
  {
    code: "mis-emb-us",
    language: "en",
    market:
      "The United States is Viet Nam's largest export market, taking more than a quarter of our exports. American buyers are demanding on standards, sustainability and labour compliance, but the market rewards reliable suppliers with long-term orders.",
    partners:
      "Partnerships between our provinces and US states, including Washington, Oregon, Louisiana, Texas and California, have grown in agriculture, education and clean energy.",
    results:
      "The Embassy and our Consulates General in San Francisco and Houston have supported provinces in opening the US market for longans, star apples and pomelos, organised trade missions, and connected provinces with US universities and technology firms.",
    asks: [
      "Provinces should invest in traceability and certification so that their products meet US import requirements.",
      "We recommend that provinces work with US partners on renewable energy, digital economy and higher education.",
      "Provinces should send us their plans for delegations to the United States early, so that meetings with state governments, universities and companies can be arranged in advance.",
    ],
  },
];

/** A head of mission's presentation at the meeting with the diplomatic corps. */
export function missionPresentation(profile: MissionProfile, country: string): { title: string; body: string } {
  const named = /^(United|Netherlands|Philippines)/.test(country) ? `the ${country}` : country;
  if (profile.language === "en")
    return {
      title: `Connecting provinces with ${named}: the Embassy's experience`,
      body: `Distinguished Chair,

Dear colleagues from the provinces and ministries,

It is an honour to join the 20th National Conference on Local External Affairs from our Embassy. I would like to share how the Embassy has supported our provinces in the past three years, and what we propose for the years ahead.

## 1. The market and its opportunities

${profile.market}

## 2. Partnerships between localities

${profile.partners}

## 3. What the Embassy has done

${profile.results} The hybrid format of this Conference shows how much can be achieved online, but nothing replaces well-prepared visits once travel resumes.

We have also learnt that information must flow both ways. The Embassy regularly sends provinces notes on market trends, import regulations and trade remedies, and we ask provinces in return to keep us informed of their priorities, their delegations and the agreements they are preparing, so that we can check partners in advance and help the procedure of the Law on International Agreements run smoothly and on time.

## 4. Lessons from three years of work

First, the provinces that achieved the most were those that came to us with a clear request: a product, a target market, a list of projects and a named contact person. General promotion is useful, but specific orders bring results. Second, follow-up matters as much as signing: a memorandum that is not turned into an annual plan, with people responsible on both sides, soon becomes a piece of paper. Third, our overseas Vietnamese community, and especially its scientists and entrepreneurs, is a bridge that provinces can use far more than they do today, for market information as well as for investment.

## 5. Recommendations

${profile.asks.map((a) => `- ${a}`).join("\n")}

The Embassy stands ready to accompany every province. Thank you for your attention.
`,
    };
  return {
    title: `Cơ quan đại diện đồng hành cùng địa phương tại thị trường ${country}`,
    body: `Kính thưa Chủ tọa,

Kính thưa các đồng chí lãnh đạo các địa phương,

Từ điểm cầu trực tuyến, tôi xin chia sẻ một số kinh nghiệm của Cơ quan đại diện trong hỗ trợ các địa phương hợp tác với ${country} thời gian qua, và một số đề xuất cho giai đoạn tới.

## 1. Thị trường và cơ hội

${profile.market}

## 2. Quan hệ hợp tác giữa các địa phương

${profile.partners}

## 3. Kết quả hỗ trợ địa phương

${profile.results} Hình thức kết hợp trực tiếp và trực tuyến của Hội nghị lần này cho thấy nhiều việc có thể làm ngay từ xa, nhưng khi đi lại được nối lại, các chuyến thăm được chuẩn bị kỹ vẫn là yếu tố quyết định.

## 4. Một số kinh nghiệm

Thứ nhất, những địa phương đạt kết quả rõ nét nhất là những địa phương "đặt hàng" cụ thể: sản phẩm nào, thị trường nào, danh mục dự án nào và ai là đầu mối liên hệ. Xúc tiến chung là cần thiết, nhưng chỉ những yêu cầu cụ thể mới mang lại kết quả cụ thể. Thứ hai, việc theo dõi sau ký kết quan trọng không kém việc ký kết: một bản ghi nhớ không được cụ thể hóa thành kế hoạch hằng năm, có người chịu trách nhiệm ở cả hai phía, sẽ sớm chỉ còn trên giấy. Thứ ba, cộng đồng người Việt Nam tại sở tại, nhất là đội ngũ trí thức, doanh nhân, là cầu nối mà các địa phương còn có thể phát huy nhiều hơn nữa, cả trong cung cấp thông tin thị trường lẫn kết nối đầu tư.

## 5. Đề xuất với các địa phương

${profile.asks.map((a) => `- ${a}`).join("\n")}

Cơ quan đại diện luôn sẵn sàng là "cánh tay nối dài" của các địa phương tại ${country}. Xin trân trọng cảm ơn.
`,
  };
}

export interface MinistryProfile {
  code: string;
  title: string;
  paragraphs: string[];
  asks: string[];
  discussion: 1 | 2;
}

export const MINISTRY_PROFILES: MinistryProfile[] = [
  {
    code: "min-cong-thuong",
    discussion: 1,
    title: "Phối hợp giữa Bộ Công Thương và các địa phương trong xúc tiến thương mại, tận dụng các FTA",
    paragraphs: [
      "Trong giai đoạn 2019–2021, dù chịu tác động nặng nề của đại dịch, kim ngạch xuất khẩu của cả nước vẫn tăng trưởng, trong đó đóng góp quan trọng đến từ nông sản và hàng công nghiệp chế biến của các địa phương. Hệ thống Thương vụ Việt Nam ở nước ngoài đã phối hợp chặt chẽ với các Cơ quan đại diện để cung cấp thông tin thị trường, cảnh báo các biện pháp phòng vệ thương mại và hỗ trợ tháo gỡ vướng mắc cho doanh nghiệp.",
      "Lần đầu tiên, nhân dịp Hội nghị Ngoại vụ, Bộ Công Thương phối hợp với Bộ Ngoại giao tổ chức Triển lãm trưng bày sản phẩm thương hiệu Việt Nam, giới thiệu các sản phẩm thế mạnh của các địa phương tới các Đại sứ, Tổng Lãnh sự và đại diện các cơ quan ngoại giao, hiệp hội doanh nghiệp nước ngoài. Đây là mô hình cần được duy trì và mở rộng.",
      "Để tận dụng hiệu quả các hiệp định CPTPP, EVFTA, RCEP, các địa phương cần đầu tư vào chất lượng, truy xuất nguồn gốc và quy tắc xuất xứ; chuyển mạnh từ xuất khẩu tiểu ngạch sang chính ngạch; đồng thời phát triển thương mại điện tử xuyên biên giới.",
    ],
    asks: [
      "Các địa phương cung cấp danh mục sản phẩm chủ lực có khả năng xuất khẩu để Bộ xây dựng chương trình xúc tiến theo thị trường.",
      "Tăng cường kết nối giữa Sở Công Thương, Sở Ngoại vụ với Thương vụ và Cơ quan đại diện.",
    ],
  },
  {
    code: "min-van-hoa",
    discussion: 2,
    title: "Ngoại giao văn hóa và quảng bá du lịch địa phương trong giai đoạn phục hồi",
    paragraphs: [
      "Du lịch là một trong những ngành chịu tác động nặng nề nhất của đại dịch. Lượng khách quốc tế giảm mạnh từ năm 2020, nhiều doanh nghiệp lữ hành phải tạm dừng hoạt động. Trong bối cảnh đó, Bộ Văn hóa, Thể thao và Du lịch đã phối hợp với các địa phương thí điểm đón khách quốc tế theo lộ trình an toàn, bắt đầu từ Phú Quốc, Khánh Hòa, Quảng Nam, Đà Nẵng và Quảng Ninh.",
      "Các di sản được UNESCO ghi danh, các khu dự trữ sinh quyển và công viên địa chất toàn cầu là nguồn lực quý để quảng bá hình ảnh Việt Nam. Bộ đề nghị các địa phương gắn bảo tồn với phát huy giá trị di sản, xây dựng sản phẩm du lịch văn hóa đặc sắc, tránh trùng lặp giữa các địa phương trong vùng.",
      "Việc phối hợp giữa ngành văn hóa, du lịch với ngành ngoại giao cần được đẩy mạnh hơn nữa, nhất là trong tổ chức các Ngày Việt Nam, Tuần văn hóa ở nước ngoài và quảng bá trên các nền tảng số.",
    ],
    asks: [
      "Các địa phương phối hợp với Cơ quan đại diện tổ chức hoạt động quảng bá điểm đến tại các thị trường trọng điểm.",
      "Ưu tiên đào tạo hướng dẫn viên, nhân lực du lịch có ngoại ngữ cho giai đoạn mở cửa trở lại.",
    ],
  },
  {
    code: "min-ke-hoach-dau-tu",
    discussion: 1,
    title: "Thu hút đầu tư nước ngoài có chọn lọc và vai trò của các địa phương",
    paragraphs: [
      "Đầu tư trực tiếp nước ngoài đã có mặt ở tất cả 63 tỉnh, thành phố, trở thành một bộ phận quan trọng của nền kinh tế. Trong bối cảnh dịch chuyển chuỗi cung ứng toàn cầu, Việt Nam đứng trước cơ hội lớn để đón các dòng vốn chất lượng cao, nhưng cạnh tranh giữa các quốc gia trong khu vực cũng ngày càng gay gắt.",
      "Chiến lược hợp tác đầu tư nước ngoài giai đoạn 2021–2030 đặt mục tiêu thu hút có chọn lọc, ưu tiên công nghệ cao, đổi mới sáng tạo, quản trị hiện đại và có tác động lan tỏa. Các địa phương cần tránh chạy đua ưu đãi, thay vào đó tập trung cải thiện môi trường đầu tư, hạ tầng và nguồn nhân lực.",
      "Bộ đánh giá cao sự phối hợp của Bộ Ngoại giao và các Cơ quan đại diện trong việc vận động các tập đoàn đa quốc gia, thẩm định nhà đầu tư và giới thiệu các dự án của địa phương.",
    ],
    asks: [
      "Các địa phương cập nhật danh mục dự án kêu gọi đầu tư theo quy hoạch tỉnh, gửi Bộ và các Cơ quan đại diện.",
      "Tăng cường hậu kiểm, theo dõi các dự án sau cấp phép để bảo đảm cam kết về công nghệ và môi trường.",
    ],
  },
];

export function ministryPresentation(profile: MinistryProfile, ministry: string): { title: string; body: string } {
  return {
    title: profile.title,
    body: `Kính thưa Chủ tọa, kính thưa các đồng chí đại biểu,

Thay mặt ${ministry}, tôi xin trình bày một số nội dung về phối hợp giữa Bộ với các địa phương và Bộ Ngoại giao trong thời gian qua. Ba năm qua là giai đoạn đặc biệt: vừa phải ứng phó với đại dịch, vừa phải duy trì đà hội nhập và chuẩn bị cho phục hồi. Chính trong khó khăn, sự phối hợp giữa các bộ, ngành Trung ương, các địa phương và hệ thống Cơ quan đại diện ở nước ngoài đã được thử thách và trở nên chặt chẽ, thực chất hơn.

${profile.paragraphs.map((p, i) => `## ${i + 1}. ${["Kết quả", "Định hướng", "Phối hợp"][i] ?? "Nội dung"}\n\n${p}`).join("\n\n")}

## Kinh nghiệm phối hợp

Từ thực tiễn phối hợp, Bộ rút ra một số kinh nghiệm. Một là, thông tin phải đi hai chiều và thường xuyên: địa phương cần cho biết nhu cầu cụ thể, các Cơ quan đại diện và Bộ cần phản hồi nhanh về thị trường, đối tác. Hai là, cần tránh tình trạng mỗi địa phương tổ chức riêng lẻ các đoàn xúc tiến đến cùng một thị trường trong cùng một thời điểm; liên kết vùng giúp tiết kiệm nguồn lực và tạo sức hút lớn hơn với đối tác. Ba là, mỗi cam kết, thỏa thuận sau các cuộc gặp phải có đầu mối theo dõi và được đánh giá định kỳ.

## Kiến nghị

${profile.asks.map((a) => `- ${a}`).join("\n")}

Xin trân trọng cảm ơn.
`,
  };
}
