import type { SeededRandom } from "./demo-names";
import { CONCLUSIONS, INTRODUCTIONS, PROPOSALS_HEADINGS, THEME_BLOCKS, type Theme } from "./demo-proceedings-blocks";

/**
 * The demo presentations (tham luận): provinces' from building blocks chosen by their strengths,
 * ambassadors' and ministries' from their own records. Each province's text is assembled from an
 * introduction, two to four themed sections in a shuffled order with a varied paragraph and heading,
 * and a list of proposals, so that no two read the same.
 */

export interface ProvinceProfile {
  code: string;
  /** Centrally-run city: "thành phố", "Thành ủy". */
  city?: boolean;
  themes: Theme[];
  partners: string;
  products: string;
  fact: string;
  /** Which discussion it is given in: 1 economic diplomacy, 2 cultural diplomacy. */
  discussion: 1 | 2;
}

export const PROVINCE_PROFILES: ProvinceProfile[] = [
  {
    code: "prov-bac-giang",
    themes: ["agriculture", "industry", "labour"],
    partners: "tỉnh Ibaraki (Nhật Bản), tỉnh Chungcheongbuk (Hàn Quốc)",
    products: "vải thiều Lục Ngạn, cam, bưởi",
    fact: "Năm 2021, sản lượng vải thiều tiêu thụ đạt trên 220.000 tấn, trong đó xuất khẩu sang Nhật Bản, Hoa Kỳ, Liên minh châu Âu, Singapore tăng mạnh; biểu đồ dưới đây cho thấy giá trị xuất khẩu qua các năm.",
    discussion: 1,
  },
  {
    code: "prov-lao-cai",
    themes: ["border", "tourism", "agriculture"],
    partners: "tỉnh Vân Nam (Trung Quốc), tỉnh Gangwon (Hàn Quốc)",
    products: "rau ôn đới, chè Shan tuyết, dược liệu",
    fact: "Cửa khẩu quốc tế đường bộ số II Kim Thành được duy trì thông quan liên tục trong mùa vải, thanh long.",
    discussion: 1,
  },
  {
    code: "prov-lang-son",
    themes: ["border", "digital"],
    partners: "Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)",
    products: "hồi, na, quýt",
    fact: "Thí điểm cửa khẩu thông minh tại Hữu Nghị đã rút ngắn thời gian thông quan mỗi xe hàng còn khoảng một nửa.",
    discussion: 1,
  },
  {
    code: "prov-ha-giang",
    themes: ["border", "tourism", "culture"],
    partners: "tỉnh Vân Nam (Trung Quốc)",
    products: "chè Shan tuyết, mật ong bạc hà, cam sành",
    fact: "Công viên địa chất toàn cầu Cao nguyên đá Đồng Văn tiếp tục là điểm nhấn quảng bá của tỉnh.",
    discussion: 2,
  },
  {
    code: "prov-cao-bang",
    themes: ["border", "culture", "tourism"],
    partners: "Khu tự trị Quảng Tây (Trung Quốc)",
    products: "hạt dẻ Trùng Khánh, miến dong",
    fact: "Năm 2018, Công viên địa chất Non Nước Cao Bằng được UNESCO công nhận là Công viên địa chất toàn cầu.",
    discussion: 2,
  },
  {
    code: "prov-dien-bien",
    themes: ["border", "culture"],
    partners: "các tỉnh Phông-xa-lỳ, Luông Pha-bang, U-đôm-xay (Lào)",
    products: "gạo Điện Biên, cà phê Arabica",
    fact: "Nghệ thuật Xòe Thái được UNESCO ghi danh năm 2021, trở thành niềm tự hào của đồng bào các dân tộc trong tỉnh.",
    discussion: 2,
  },
  {
    code: "prov-quang-ninh",
    themes: ["tourism", "seaport", "border"],
    partners: "Khu tự trị Quảng Tây (Trung Quốc), vùng Normandie (Pháp)",
    products: "chả mực Hạ Long, hải sản",
    fact: "Năm 2019, tỉnh đón hơn 5,7 triệu lượt khách quốc tế, đứng đầu cả nước ngoài các thành phố lớn.",
    discussion: 2,
  },
  {
    code: "prov-hai-phong",
    city: true,
    themes: ["seaport", "industry"],
    partners: "Thành phố Incheon (Hàn Quốc), tỉnh Kanagawa (Nhật Bản)",
    products: "sản phẩm điện tử, cơ khí",
    fact: "Cảng cửa ngõ quốc tế Lạch Huyện đã đón tàu container trọng tải trên 130.000 tấn.",
    discussion: 1,
  },
  {
    code: "prov-bac-ninh",
    themes: ["industry", "culture", "digital"],
    partners: "tỉnh Gyeonggi (Hàn Quốc)",
    products: "linh kiện điện tử, gốm Phù Lãng",
    fact: "Tỉnh là một trong những địa phương có kim ngạch xuất khẩu lớn nhất cả nước, chủ yếu từ các dự án điện tử có vốn đầu tư nước ngoài.",
    discussion: 1,
  },
  {
    code: "prov-thai-nguyen",
    themes: ["industry", "agriculture", "labour"],
    partners: "bang Victoria (Australia), tỉnh Chungcheongnam (Hàn Quốc)",
    products: "chè Tân Cương",
    fact: "Chè Tân Cương đã được bảo hộ chỉ dẫn địa lý và có mặt tại thị trường Nhật Bản, Trung Đông.",
    discussion: 1,
  },
  {
    code: "prov-phu-tho",
    themes: ["culture", "tourism"],
    partners: "vùng Occitanie (Pháp), tỉnh Nara (Nhật Bản)",
    products: "chè, bưởi Đoan Hùng",
    fact: "Hát Xoan đã được UNESCO đưa ra khỏi danh sách cần bảo vệ khẩn cấp và ghi danh là di sản đại diện của nhân loại.",
    discussion: 2,
  },
  {
    code: "prov-ninh-binh",
    themes: ["tourism", "culture"],
    partners: "tỉnh Shimane (Nhật Bản)",
    products: "cơm cháy, thịt dê núi",
    fact: "Quần thể danh thắng Tràng An là di sản kép thế giới duy nhất ở Đông Nam Á.",
    discussion: 2,
  },
  {
    code: "prov-thanh-hoa",
    themes: ["industry", "seaport", "labour"],
    partners: "tỉnh Nagasaki (Nhật Bản), tỉnh Hủa Phăn (Lào)",
    products: "thép, xi măng, hải sản",
    fact: "Khu kinh tế Nghi Sơn với Liên hợp lọc hóa dầu là động lực tăng trưởng của tỉnh.",
    discussion: 1,
  },
  {
    code: "prov-nghe-an",
    themes: ["industry", "border", "labour"],
    partners: "tỉnh Xiêng Khoảng (Lào), Khu tự trị Quảng Tây (Trung Quốc)",
    products: "cam Vinh, sữa, gỗ",
    fact: "Năm 2021, tỉnh lọt vào nhóm mười địa phương thu hút vốn đầu tư trực tiếp nước ngoài lớn nhất cả nước.",
    discussion: 1,
  },
  {
    code: "prov-ha-tinh",
    themes: ["industry", "labour"],
    partners: "tỉnh Bô-ly-khăm-xay (Lào), tỉnh Chiba (Nhật Bản)",
    products: "bưởi Phúc Trạch, thép",
    fact: "Khu kinh tế Vũng Áng đã thu hút nhiều dự án năng lượng và công nghiệp nặng.",
    discussion: 1,
  },
  {
    code: "prov-quang-tri",
    themes: ["border", "culture"],
    partners: "tỉnh Savannakhet, tỉnh Salavan (Lào)",
    products: "cà phê Khe Sanh, hồ tiêu",
    fact: "Hành lang kinh tế Đông – Tây qua cửa khẩu Lao Bảo đang được đầu tư nâng cấp.",
    discussion: 2,
  },
  {
    code: "prov-thua-thien-hue",
    themes: ["culture", "tourism", "digital"],
    partners: "tỉnh Kyoto (Nhật Bản), vùng Centre-Val de Loire (Pháp)",
    products: "mè xửng, nón lá, gốm",
    fact: "Ứng dụng Hue-S giúp người dân và du khách tiếp cận dịch vụ công và thông tin du lịch bằng nhiều ngôn ngữ.",
    discussion: 2,
  },
  {
    code: "prov-da-nang",
    city: true,
    themes: ["tourism", "digital", "seaport"],
    partners: "Thành phố Vladivostok (Nga), Thành phố Daegu (Hàn Quốc)",
    products: "dịch vụ phần mềm, hải sản chế biến",
    fact: "Thành phố đã nhiều lần được bình chọn là điểm đến hàng đầu châu Á về lễ hội và sự kiện.",
    discussion: 2,
  },
  {
    code: "prov-quang-nam",
    themes: ["tourism", "culture", "labour"],
    partners: "bang Sachsen (Đức), tỉnh Gyeongsangbuk (Hàn Quốc)",
    products: "sâm Ngọc Linh, gốm Thanh Hà",
    fact: "Hội An và Mỹ Sơn là hai di sản văn hóa thế giới, thu hút đông đảo du khách châu Âu.",
    discussion: 2,
  },
  {
    code: "prov-binh-dinh",
    themes: ["seaport", "industry", "labour"],
    partners: "tỉnh Yamanashi (Nhật Bản), tỉnh Gyeonggi (Hàn Quốc)",
    products: "đồ gỗ, cá ngừ đại dương",
    fact: "Khu kinh tế Nhơn Hội đã đón nhiều dự án năng lượng tái tạo quy mô lớn.",
    discussion: 1,
  },
  {
    code: "prov-khanh-hoa",
    themes: ["tourism", "seaport"],
    partners: "bang Queensland (Australia), vùng Primorsky (Nga)",
    products: "yến sào, hải sản",
    fact: "Vịnh Cam Ranh và Vân Phong được định hướng thành trung tâm dịch vụ hàng hải và du lịch biển của khu vực.",
    discussion: 2,
  },
  {
    code: "prov-ninh-thuan",
    themes: ["agriculture", "tourism"],
    partners: "tỉnh Yamanashi (Nhật Bản)",
    products: "nho, táo, tỏi Phan Rang",
    fact: "Khu dự trữ sinh quyển Núi Chúa được UNESCO công nhận năm 2021.",
    discussion: 2,
  },
  {
    code: "prov-dak-lak",
    themes: ["agriculture", "culture"],
    partners: "tỉnh Mondulkiri (Campuchia), Thành phố Phổ Nhĩ (Trung Quốc)",
    products: "cà phê Buôn Ma Thuột, sầu riêng, hồ tiêu",
    fact: "Cà phê Buôn Ma Thuột đã được bảo hộ chỉ dẫn địa lý tại nhiều quốc gia.",
    discussion: 1,
  },
  {
    code: "prov-gia-lai",
    themes: ["agriculture", "border"],
    partners: "tỉnh Attapeu (Lào), tỉnh Ratanakiri (Campuchia)",
    products: "cà phê, hồ tiêu, chanh dây",
    fact: "Khu dự trữ sinh quyển Cao nguyên Kon Hà Nừng được UNESCO công nhận năm 2021.",
    discussion: 1,
  },
  {
    code: "prov-lam-dong",
    themes: ["agriculture", "tourism"],
    partners: "bang Washington (Hoa Kỳ), tỉnh Noord-Holland (Hà Lan)",
    products: "rau, hoa, chè, cà phê Arabica",
    fact: "Nông nghiệp công nghệ cao chiếm trên một phần ba giá trị sản xuất nông nghiệp của tỉnh.",
    discussion: 1,
  },
  {
    code: "prov-binh-duong",
    themes: ["industry", "digital"],
    partners: "vùng Auvergne-Rhône-Alpes (Pháp), Thành phố Eindhoven (Hà Lan)",
    products: "đồ gỗ, điện tử, sơn mài",
    fact: "Thành phố mới Bình Dương là thành viên của Hiệp hội các thành phố khoa học thế giới.",
    discussion: 1,
  },
  {
    code: "prov-dong-nai",
    themes: ["industry", "agriculture"],
    partners: "tỉnh Hyogo (Nhật Bản)",
    products: "bưởi Tân Triều, hạt điều",
    fact: "Dự án Cảng hàng không quốc tế Long Thành mở ra không gian phát triển mới cho logistics.",
    discussion: 1,
  },
  {
    code: "prov-ba-ria-vung-tau",
    themes: ["seaport", "tourism", "industry"],
    partners: "Cảng Rotterdam (Hà Lan), bang Texas (Hoa Kỳ)",
    products: "hải sản, muối",
    fact: "Cụm cảng Cái Mép – Thị Vải đã đón tàu container trọng tải 214.000 tấn.",
    discussion: 1,
  },
  {
    code: "prov-ho-chi-minh",
    city: true,
    themes: ["digital", "industry", "culture"],
    partners: "Thành phố Thượng Hải (Trung Quốc), Thành phố Osaka (Nhật Bản), Thành phố San Francisco (Hoa Kỳ)",
    products: "dịch vụ tài chính, phần mềm, dệt may",
    fact: "Thành phố dẫn đầu cả nước về số dự án đầu tư trực tiếp nước ngoài và khởi nghiệp sáng tạo.",
    discussion: 1,
  },
  {
    code: "prov-can-tho",
    city: true,
    themes: ["agriculture", "digital", "labour"],
    partners: "tỉnh Jeollanam-do (Hàn Quốc), tỉnh Kagoshima (Nhật Bản)",
    products: "gạo, trái cây, thủy sản",
    fact: "Thành phố là trung tâm nghiên cứu lúa gạo của vùng Đồng bằng sông Cửu Long.",
    discussion: 1,
  },
  {
    code: "prov-an-giang",
    themes: ["agriculture", "border"],
    partners: "tỉnh Takeo, tỉnh Kandal (Campuchia), bang Gujarat (Ấn Độ)",
    products: "gạo thơm, cá tra, xoài",
    fact: "Năm 2021, kim ngạch xuất khẩu gạo và cá tra của tỉnh vẫn tăng dù đại dịch bùng phát mạnh ở phía Nam.",
    discussion: 1,
  },
  {
    code: "prov-kien-giang",
    themes: ["tourism", "seaport"],
    partners: "tỉnh Kampot (Campuchia), Thành phố Thượng Hải (Trung Quốc)",
    products: "nước mắm Phú Quốc, hồ tiêu, ngọc trai",
    fact: 'Phú Quốc là địa phương đầu tiên thí điểm đón khách quốc tế có "hộ chiếu vắc-xin" từ tháng 11 năm 2021.',
    discussion: 2,
  },
  {
    code: "prov-ca-mau",
    themes: ["seaport", "agriculture"],
    partners: "bang Louisiana (Hoa Kỳ)",
    products: "tôm sinh thái, cua Cà Mau",
    fact: "Tôm sinh thái dưới tán rừng ngập mặn đã được cấp chứng nhận hữu cơ quốc tế.",
    discussion: 1,
  },
  {
    code: "prov-ben-tre",
    themes: ["agriculture", "culture"],
    partners: "tỉnh Bắc Gyeongsang (Hàn Quốc)",
    products: "dừa, kẹo dừa, bưởi da xanh",
    fact: "Sản phẩm từ dừa đã xuất khẩu sang hơn 90 quốc gia và vùng lãnh thổ.",
    discussion: 2,
  },
];

export interface ProvinceText {
  title: string;
  body: string;
}

/** The presentation of a province: {P} is how a sentence names it ("tỉnh Lào Cai"), name its bare name. */
export function provincePresentation(
  random: SeededRandom,
  profile: ProvinceProfile,
  label: string,
  name: string,
  image?: { id: number; caption: string },
): ProvinceText {
  // The province's own result is told once, where it first fits.
  let factTold = false;
  const fill = (text: string) => {
    const local = profile.city
      ? text
          .replace(/Tỉnh ủy/g, "Thành ủy")
          .replace(/(^|[^\p{L}])tỉnh(?![\p{L}])/gu, "$1thành phố")
          .replace(/(^|[^\p{L}])Tỉnh(?![\p{L}])/gu, "$1Thành phố")
      : text;
    return local
      .replace(/\{P\}/g, label)
      .replace(/\{N\}/g, name)
      .replace(/\{PARTNERS\}/g, profile.partners)
      .replace(/\{PRODUCTS\}/g, profile.products)
      .replace(/ ?\{FACT\}/g, () => {
        if (factTold) return "";
        factTold = true;
        return ` ${profile.fact}`;
      });
  };
  const capitalise = (text: string) =>
    text.replace(/(^|\n\n)(\p{Ll})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  // The picture belongs to the first theme, which then keeps its place.
  const themes = image
    ? [profile.themes[0], ...shuffled(random, profile.themes.slice(1))]
    : shuffled(random, profile.themes);
  const parts = [capitalise(fill(random.pick(INTRODUCTIONS)))];
  const proposals: string[] = [];
  themes.forEach((theme, i) => {
    const block = THEME_BLOCKS[theme];
    parts.push(`## ${i + 1}. ${fill(random.pick(block.headings))}`);
    // The first theme tells both sides of the story; the others one paragraph each. The picture
    // follows the paragraph that announces it.
    const paragraphs =
      i === 0 ? (image ? [...block.paragraphs] : shuffled(random, block.paragraphs)) : [random.pick(block.paragraphs)];
    paragraphs.forEach((p, k) => {
      parts.push(capitalise(fill(p)));
      if (i === 0 && k === 0 && image) parts.push(`![${image.caption}](image:${image.id})`);
    });
    proposals.push(
      ...shuffled(random, block.proposals)
        .slice(0, i === 0 ? 2 : 1)
        .map(fill),
    );
  });
  parts.push(`## ${themes.length + 1}. ${random.pick(PROPOSALS_HEADINGS)}`);
  parts.push(proposals.map((p) => `- ${p}`).join("\n"));
  parts.push(capitalise(fill(random.pick(CONCLUSIONS))));
  const [first] = themes;
  const heading = THEME_BLOCKS[first].headings[0].replace(/\{N\}/g, name);
  const topic = heading.charAt(0).toLowerCase() + heading.slice(1);
  return { title: `Tham luận của ${label}: ${topic}`, body: parts.join("\n\n") + "\n" };
}

function shuffled<T>(random: SeededRandom, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
