/**
 * Sample content for a provincial "Thi đua – Khen thưởng" news portal.
 *
 * All text below is original sample content written for this project. The province, the districts,
 * the companies and the people in it are fictional; only the names of mass organisations, movements,
 * the directive and the law are real.
 */
import type { SampleContent } from './types';

export const sampleContent: SampleContent = {
  categories: [
    {
      key: 'cat-tin-cum-khoi',
      name: {
        vi: 'Tin hoạt động cụm, khối thi đua',
        en: 'Emulation cluster and bloc news',
      },
      description: {
        vi: 'Tin về hoạt động của các cụm, khối thi đua trong tỉnh: ký kết giao ước, sơ kết, tổng kết, kiểm tra chéo và trao đổi kinh nghiệm giữa các cơ quan, đơn vị.',
        en: 'News from the province’s emulation clusters and blocs: pledge signings, mid-year and year-end reviews, cross-inspections and exchanges of experience between member agencies.',
      },
      order: 1,
    },
    {
      key: 'cat-guong-dien-hinh',
      name: {
        vi: 'Gương điển hình tiên tiến',
        en: 'Exemplary people and units',
      },
      description: {
        vi: 'Chân dung những tập thể, cá nhân tiêu biểu trong các phong trào thi đua và những cách làm hay cần được ghi nhận, nhân rộng.',
        en: 'Profiles of outstanding collectives and individuals in the emulation movements, and good practices that deserve to be recognised and replicated.',
      },
      order: 2,
    },
    {
      key: 'cat-van-ban-chinh-sach',
      name: {
        vi: 'Văn bản, chính sách thi đua khen thưởng',
        en: 'Emulation and commendation regulations',
      },
      description: {
        vi: 'Văn bản pháp luật, hướng dẫn nghiệp vụ và giải đáp chính sách về công tác thi đua, khen thưởng dành cho cơ quan, đơn vị và người dân.',
        en: 'Laws, procedural guidance and policy explanations on emulation and commendation for agencies, units and citizens.',
      },
      order: 3,
    },
  ],

  agencies: [
    {
      key: 'ubmttq',
      name: {
        vi: 'Ủy ban Mặt trận Tổ quốc tỉnh',
        en: 'Provincial Committee of the Vietnam Fatherland Front',
      },
      shortName: {
        vi: 'UBMTTQ tỉnh',
        en: 'Provincial Fatherland Front',
      },
      website: 'https://mattran.example.vn',
      description: {
        vi: 'Cơ quan chấp hành của Mặt trận Tổ quốc Việt Nam ở cấp tỉnh, tập hợp, đoàn kết các tầng lớp nhân dân và chủ trì cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” trên địa bàn.',
        en: 'The provincial executive body of the Vietnam Fatherland Front, which brings together all sections of the population and leads the campaign “All people unite to build new rural areas and civilised urban areas” in the province.',
      },
    },
    {
      key: 'ldld',
      name: {
        vi: 'Liên đoàn Lao động tỉnh',
        en: 'Provincial Federation of Labour',
      },
      shortName: {
        vi: 'LĐLĐ tỉnh',
        en: 'Provincial Labour Federation',
      },
      website: 'https://congdoan.example.vn',
      description: {
        vi: 'Tổ chức công đoàn cấp tỉnh, đại diện và chăm lo quyền, lợi ích hợp pháp của đoàn viên, người lao động; phát động phong trào “Lao động giỏi, lao động sáng tạo” trong các cơ quan, doanh nghiệp.',
        en: 'The provincial trade union organisation, which represents workers, looks after their lawful rights and interests, and runs the “Good work, creative work” movement in agencies and enterprises.',
      },
    },
    {
      key: 'hoi-nong-dan',
      name: {
        vi: 'Hội Nông dân tỉnh',
        en: 'Provincial Farmers’ Union',
      },
      shortName: {
        vi: 'Hội Nông dân tỉnh',
        en: 'Farmers’ Union',
      },
      website: 'https://hoinongdan.example.vn',
      description: {
        vi: 'Tổ chức chính trị – xã hội của giai cấp nông dân trong tỉnh, vận động hội viên thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững.',
        en: 'The socio-political organisation of the province’s farmers, which encourages its members to excel in production and business and to help one another prosper and escape poverty for good.',
      },
    },
    {
      key: 'hoi-lhpn',
      name: {
        vi: 'Hội Liên hiệp Phụ nữ tỉnh',
        en: 'Provincial Women’s Union',
      },
      shortName: {
        vi: 'Hội LHPN tỉnh',
        en: 'Women’s Union',
      },
      website: 'https://phunu.example.vn',
      description: {
        vi: 'Tổ chức đại diện cho quyền và lợi ích hợp pháp của phụ nữ trong tỉnh, triển khai phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”.',
        en: 'The organisation representing the lawful rights and interests of women in the province; it runs the movement “Women actively learn, work creatively and build happy families”.',
      },
    },
    {
      key: 'tinh-doan',
      name: {
        vi: 'Tỉnh đoàn Thanh niên',
        en: 'Provincial Youth Union',
      },
      shortName: {
        vi: 'Tỉnh đoàn',
        en: 'Youth Union',
      },
      website: 'https://tinhdoan.example.vn',
      description: {
        vi: 'Cơ quan lãnh đạo của Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh, tổ chức các hoạt động tình nguyện, khởi nghiệp và phong trào xây dựng giá trị hình mẫu thanh niên trong thời kỳ mới.',
        en: 'The provincial leadership of the Ho Chi Minh Communist Youth Union, which organises volunteer and start-up activities and the movement to build the model values of young people in the new era.',
      },
    },
    {
      key: 'hoi-ccb',
      name: {
        vi: 'Hội Cựu chiến binh tỉnh',
        en: 'Provincial Veterans’ Association',
      },
      shortName: {
        vi: 'Hội CCB tỉnh',
        en: 'Veterans’ Association',
      },
      website: 'https://cuuchienbinh.example.vn',
      description: {
        vi: 'Tổ chức chính trị – xã hội của những người từng phục vụ trong quân đội, tiếp tục phát huy phẩm chất “Bộ đội Cụ Hồ” qua phong trào “Cựu chiến binh gương mẫu”.',
        en: 'The socio-political organisation of former servicemen and servicewomen, who carry on the spirit of “Uncle Ho’s soldiers” through the “Exemplary veterans” movement.',
      },
    },
    {
      key: 'ubnd-phu-lam',
      name: {
        vi: 'Ủy ban nhân dân thành phố Phú Lâm',
        en: 'People’s Committee of Phu Lam City',
      },
      shortName: {
        vi: 'UBND thành phố Phú Lâm',
        en: 'Phu Lam City PC',
      },
      website: 'https://phulam.example.vn',
      description: {
        vi: 'Cơ quan hành chính nhà nước của thành phố Phú Lâm, trung tâm thương mại – dịch vụ của vùng động lực phía đông tỉnh.',
        en: 'The state administrative body of Phu Lam City, the commercial and service hub of the province’s eastern growth area.',
      },
    },
    {
      key: 'ubnd-vinh-lac',
      name: {
        vi: 'Ủy ban nhân dân huyện Vĩnh Lạc',
        en: 'People’s Committee of Vinh Lac District',
      },
      shortName: {
        vi: 'UBND huyện Vĩnh Lạc',
        en: 'Vinh Lac District PC',
      },
      description: {
        vi: 'Cơ quan hành chính nhà nước của huyện Vĩnh Lạc, địa phương có nhiều khu công nghiệp và làng nghề truyền thống.',
        en: 'The state administrative body of Vinh Lac District, home to several industrial parks and traditional craft villages.',
      },
    },
    {
      key: 'ubnd-tan-lap',
      name: {
        vi: 'Ủy ban nhân dân huyện Tân Lập',
        en: 'People’s Committee of Tan Lap District',
      },
      shortName: {
        vi: 'UBND huyện Tân Lập',
        en: 'Tan Lap District PC',
      },
      description: {
        vi: 'Cơ quan hành chính nhà nước của huyện Tân Lập, vùng sản xuất nông nghiệp hàng hóa tập trung, đi đầu trong xây dựng nông thôn mới nâng cao.',
        en: 'The state administrative body of Tan Lap District, an area of concentrated commercial farming and a forerunner in building advanced new rural areas.',
      },
    },
    {
      key: 'ubnd-hoa-khanh',
      name: {
        vi: 'Ủy ban nhân dân huyện Hòa Khánh',
        en: 'People’s Committee of Hoa Khanh District',
      },
      shortName: {
        vi: 'UBND huyện Hòa Khánh',
        en: 'Hoa Khanh District PC',
      },
      description: {
        vi: 'Cơ quan hành chính nhà nước của huyện Hòa Khánh, nơi có vùng cây ăn quả đặc sản và nhiều tiềm năng phát triển du lịch sinh thái.',
        en: 'The state administrative body of Hoa Khanh District, known for its speciality orchards and its potential for eco-tourism.',
      },
    },
  ],

  // Văn bản: the numbers, dates, issuers and subjects of the national ones are facts; the
  // provincial guidance and plan are fictional. The trích yếu are written for this sample.
  legalDocuments: [
    {
      key: 'doc-05-ct-tw',
      number: '05-CT/TW',
      title: { vi: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh', en: 'On stepping up the study and following of Ho Chi Minh’s thought, morality and style' },
      kind: 'chi-thi',
      field: 'Xây dựng Đảng',
      issuerName: 'Bộ Chính trị',
      signerTitle: 'Tổng Bí thư',
      issuedOn: '2016-05-15',
    },
    {
      key: 'doc-luat-tdkt-2003',
      number: '15/2003/QH11',
      title: { vi: 'Luật Thi đua, khen thưởng năm 2003', en: 'Law on Emulation and Commendation of 2003' },
      kind: 'luat',
      field: 'Thi đua, khen thưởng',
      issuerName: 'Quốc hội',
      issuedOn: '2003-11-26',
      effectiveFrom: '2004-07-01',
    },
    {
      key: 'doc-luat-tdkt-2022',
      number: '06/2022/QH15',
      title: { vi: 'Luật Thi đua, khen thưởng năm 2022', en: 'Law on Emulation and Commendation of 2022' },
      kind: 'luat',
      field: 'Thi đua, khen thưởng',
      issuerName: 'Quốc hội',
      issuedOn: '2022-06-15',
      effectiveFrom: '2024-01-01',
      replaces: ['doc-luat-tdkt-2003'],
    },
    {
      key: 'doc-nd-98-2023',
      number: '98/2023/NĐ-CP',
      title: { vi: 'Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng', en: 'Detailing how several articles of the Law on Emulation and Commendation are applied' },
      kind: 'nghi-dinh',
      field: 'Thi đua, khen thưởng',
      issuerName: 'Chính phủ',
      issuedOn: '2023-12-31',
      effectiveFrom: '2024-01-01',
    },
    {
      key: 'doc-hd-tong-ket-2025',
      number: '08/HD-MTTQ-BTT',
      title: { vi: 'Hướng dẫn chấm điểm, bình xét thi đua năm 2025 trong Khối Mặt trận – Đoàn thể', en: 'Guidance on scoring and assessing emulation results for 2025 in the Front and Mass Organisations Bloc' },
      kind: 'huong-dan',
      field: 'Thi đua, khen thưởng',
      issuer: 'ubmttq',
      signer: 'Trần Văn Lộc',
      signerTitle: 'Phó Chủ tịch',
      issuedOn: '2025-10-20',
      expiresOn: '2026-06-30',
      file: '08-hd-mttq-btt.pdf',
    },
    {
      key: 'doc-kh-phu-nu-2027',
      number: '21/KH-HLHPN',
      title: { vi: 'Kế hoạch triển khai phong trào phụ nữ tích cực học tập, lao động sáng tạo năm 2027', en: 'Plan for the 2027 campaign “Women actively learn and work creatively”' },
      kind: 'ke-hoach',
      field: 'Phong trào thi đua',
      issuer: 'hoi-lhpn',
      signer: 'Nguyễn Thị Hạnh',
      signerTitle: 'Chủ tịch',
      issuedOn: '2026-11-25',
      effectiveFrom: '2027-01-01',
      expiresOn: '2028-01-01',
    },
  ],

  movements: [
    {
      key: 'movement-lao-dong-gioi',
      name: {
        vi: 'Lao động giỏi, lao động sáng tạo',
        en: 'Good work, creative work',
      },
      description: {
        vi: 'Phong trào do Liên đoàn Lao động tỉnh phát động trong công nhân, viên chức, người lao động, khuyến khích nâng cao năng suất, chất lượng và đăng ký sáng kiến, cải tiến kỹ thuật.',
        en: 'Launched by the Provincial Federation of Labour among workers and public employees, the movement encourages higher productivity and quality and the registration of initiatives and technical improvements.',
      },
      launchedBy: 'ldld',
      startDate: '2024-01-15',
      endDate: '2028-12-31',
    },
    {
      key: 'movement-nong-dan-sxkd-gioi',
      name: {
        vi: 'Nông dân thi đua sản xuất kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững',
        en: 'Farmers compete in good production and business, unite to help one another prosper and reduce poverty sustainably',
      },
      description: {
        vi: 'Phong trào do Hội Nông dân tỉnh chủ trì, hằng năm bình xét hộ sản xuất, kinh doanh giỏi các cấp và hỗ trợ hội viên tiếp cận vốn, kỹ thuật, thị trường.',
        en: 'Led by the Provincial Farmers’ Union, the movement recognises good farming and business households at every level each year and helps members gain access to credit, techniques and markets.',
      },
      launchedBy: 'hoi-nong-dan',
      startDate: '2024-01-10',
      endDate: '2028-12-31',
    },
    {
      key: 'movement-phu-nu-tich-cuc',
      name: {
        vi: 'Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc',
        en: 'Women actively learn, work creatively and build happy families',
      },
      description: {
        vi: 'Phong trào trọng tâm của Hội Liên hiệp Phụ nữ tỉnh nhiệm kỳ 2022–2027, gắn với hỗ trợ phụ nữ khởi nghiệp, giảm nghèo và xây dựng gia đình no ấm, bình đẳng, tiến bộ, hạnh phúc.',
        en: 'The core movement of the Provincial Women’s Union for its 2022–2027 term, linked to support for women’s start-ups, poverty reduction and prosperous, equal, progressive and happy families.',
      },
      launchedBy: 'hoi-lhpn',
      directives: ['doc-kh-phu-nu-2027'],
      startDate: '2022-06-01',
      endDate: '2027-12-31',
    },
    {
      key: 'movement-thanh-nien-hinh-mau',
      name: {
        vi: 'Xây dựng giá trị hình mẫu thanh niên Việt Nam thời kỳ mới',
        en: 'Building the model values of Vietnamese youth in the new era',
      },
      description: {
        vi: 'Phong trào do Tỉnh đoàn triển khai trong đoàn viên, thanh niên, khuyến khích người trẻ rèn luyện bản lĩnh, học tập, lập nghiệp và tình nguyện vì cộng đồng.',
        en: 'Run by the Provincial Youth Union among its members, the movement encourages young people to build character, study, start careers and volunteer for the community.',
      },
      launchedBy: 'tinh-doan',
      startDate: '2023-03-26',
      endDate: '2027-12-31',
    },
    {
      key: 'movement-nong-thon-moi-do-thi-van-minh',
      name: {
        vi: 'Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh',
        en: 'All people unite to build new rural areas and civilised urban areas',
      },
      description: {
        vi: 'Cuộc vận động do Ủy ban Mặt trận Tổ quốc tỉnh chủ trì, huy động nhân dân hiến đất, góp công làm đường giao thông, chỉnh trang khu dân cư và giữ gìn nếp sống văn minh.',
        en: 'A campaign led by the Provincial Fatherland Front Committee that mobilises residents to donate land and labour for roads, tidy up residential areas and keep up a civilised way of life.',
      },
      launchedBy: 'ubmttq',
      startDate: '2021-01-01',
      endDate: '2025-12-31',
    },
    {
      key: 'movement-ccb-guong-mau',
      name: {
        vi: 'Cựu chiến binh gương mẫu',
        en: 'Exemplary veterans',
      },
      description: {
        vi: 'Phong trào do Hội Cựu chiến binh tỉnh phát động cho giai đoạn 2024–2029, khuyến khích hội viên gương mẫu chấp hành chính sách, phát triển kinh tế, tham gia xây dựng Đảng, chính quyền và giáo dục truyền thống cho thế hệ trẻ.',
        en: 'Launched by the Provincial Veterans’ Association for 2024–2029, the movement encourages members to set an example in following policies, developing the economy, helping build the Party and local government, and passing on traditions to the young.',
      },
      launchedBy: 'hoi-ccb',
      startDate: '2024-04-16',
      endDate: '2029-12-31',
    },
    {
      key: 'movement-hoc-tap-lam-theo-bac',
      name: {
        vi: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
        en: 'Studying and following Ho Chi Minh’s thought, morality and style',
      },
      description: {
        vi: 'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ủy ban Mặt trận Tổ quốc tỉnh cùng các tổ chức thành viên đưa việc học tập và làm theo Bác thành nội dung thường xuyên của mọi phong trào thi đua.',
        en: 'Under Directive No. 05-CT/TW of 15 May 2016 of the Politburo, the Provincial Fatherland Front Committee and its member organisations make studying and following Uncle Ho a regular part of every emulation movement.',
      },
      launchedBy: 'ubmttq',
      directive: 'Chỉ thị số 05-CT/TW',
      directives: ['doc-05-ct-tw'],
      startDate: '2016-05-15',
    },
  ],

  blocs: [
    {
      key: 'khoi-mttq-doan-the',
      name: {
        vi: 'Khối Mặt trận – Đoàn thể',
        en: 'Front and Mass Organisations Bloc',
      },
      kind: 'khoi',
      description: {
        vi: 'Khối thi đua gồm Ủy ban Mặt trận Tổ quốc tỉnh và năm tổ chức chính trị – xã hội cấp tỉnh, hằng năm ký kết giao ước thi đua và luân phiên giữ vai trò trưởng khối, phó khối.',
        en: 'An emulation bloc made up of the Provincial Fatherland Front Committee and the five provincial socio-political organisations, which sign a joint emulation pledge every year and take turns as head and deputy head of the bloc.',
      },
      members: ['ubmttq', 'ldld', 'hoi-nong-dan', 'hoi-lhpn', 'tinh-doan', 'hoi-ccb'],
      movements: [
        'movement-nong-thon-moi-do-thi-van-minh',
        'movement-hoc-tap-lam-theo-bac',
        'movement-lao-dong-gioi',
        'movement-phu-nu-tich-cuc',
      ],
      terms: [
        {
          year: 2024,
          leader: 'ubmttq',
          deputy: 'hoi-lhpn',
          pledgeSignedOn: '2024-02-28',
          notes: {
            vi: 'Ủy ban Mặt trận Tổ quốc tỉnh làm trưởng khối, Hội Liên hiệp Phụ nữ tỉnh làm phó khối; giao ước năm nay đặt việc triển khai Luật Thi đua, khen thưởng năm 2022 lên hàng đầu.',
            en: 'The Provincial Fatherland Front Committee heads the bloc with the Provincial Women’s Union as deputy; this year’s pledge puts the 2022 Law on Emulation and Commendation first.',
          },
        },
        {
          year: 2025,
          leader: 'hoi-lhpn',
          deputy: 'hoi-nong-dan',
          pledgeSignedOn: '2025-02-25',
          notes: {
            vi: 'Hội Liên hiệp Phụ nữ tỉnh nhận bàn giao nhiệm vụ trưởng khối tại hội nghị tổng kết năm 2024; Hội Nông dân tỉnh làm phó khối.',
            en: 'The Provincial Women’s Union took over as head of the bloc at the 2024 year-end review; the Provincial Farmers’ Union is deputy head.',
          },
        },
      ],
    },
    {
      key: 'cum-vung-dong-luc',
      name: {
        vi: 'Cụm các huyện, thành phố vùng động lực',
        en: 'Growth Area Districts and City Cluster',
      },
      kind: 'cum',
      description: {
        vi: 'Cụm thi đua gồm thành phố Phú Lâm và các huyện Vĩnh Lạc, Tân Lập, Hòa Khánh, những địa phương có tốc độ phát triển kinh tế – xã hội cao, giữ vai trò động lực của tỉnh.',
        en: 'An emulation cluster of Phu Lam City and the districts of Vinh Lac, Tan Lap and Hoa Khanh, fast-growing localities that drive the province’s socio-economic development.',
      },
      members: ['ubnd-phu-lam', 'ubnd-vinh-lac', 'ubnd-tan-lap', 'ubnd-hoa-khanh'],
      movements: ['movement-nong-thon-moi-do-thi-van-minh', 'movement-hoc-tap-lam-theo-bac'],
      terms: [
        {
          year: 2024,
          leader: 'ubnd-phu-lam',
          deputy: 'ubnd-tan-lap',
          pledgeSignedOn: '2024-03-06',
          notes: {
            vi: 'Ủy ban nhân dân thành phố Phú Lâm làm trưởng cụm, Ủy ban nhân dân huyện Tân Lập làm phó cụm; trọng tâm là chỉnh trang đô thị và nông thôn mới nâng cao.',
            en: 'Phu Lam City People’s Committee leads the cluster with Tan Lap District as deputy; the focus is on urban upgrading and advanced new rural areas.',
          },
        },
        {
          year: 2025,
          leader: 'ubnd-tan-lap',
          deputy: 'ubnd-vinh-lac',
          pledgeSignedOn: '2025-03-04',
          notes: {
            vi: 'Ủy ban nhân dân huyện Tân Lập nhận nhiệm vụ trưởng cụm tại hội nghị tổng kết năm 2024; Ủy ban nhân dân huyện Vĩnh Lạc làm phó cụm.',
            en: 'Tan Lap District People’s Committee took over as cluster head at the 2024 year-end review; Vinh Lac District People’s Committee is deputy head.',
          },
        },
      ],
    },
  ],

  articles: [
    {
      key: 'article-luat-tdkt-2022-hieu-luc',
      title: {
        vi: 'Luật Thi đua, khen thưởng năm 2022 chính thức có hiệu lực: những điểm cơ quan, đơn vị cần lưu ý',
        en: 'The 2022 Law on Emulation and Commendation takes effect: what agencies and units need to know',
      },
      summary: {
        vi: 'Từ ngày 01/01/2024, Luật Thi đua, khen thưởng số 06/2022/QH15 chính thức có hiệu lực thi hành. Ban Thi đua – Khen thưởng tỉnh lưu ý các cơ quan, đơn vị một số việc cần triển khai ngay trong năm đầu áp dụng.',
        en: 'The Law on Emulation and Commendation No. 06/2022/QH15 came into force on 1 January 2024. The Provincial Emulation and Commendation Board points out several tasks that agencies and units should take up in the first year.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Luật Thi đua, khen thưởng số 06/2022/QH15 được Quốc hội khóa XV thông qua ngày 15/6/2022 và có hiệu lực từ ngày 01/01/2024, thay thế Luật Thi đua, khen thưởng năm 2003 cùng các luật sửa đổi, bổ sung. Cùng với luật, Chính phủ đã ban hành Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành một số điều.',
          },
          { type: 'heading', text: 'Khen thưởng đúng người, đúng việc, kịp thời' },
          {
            type: 'paragraph',
            text: 'Theo Ban Thi đua – Khen thưởng tỉnh, tinh thần xuyên suốt của luật mới là gắn khen thưởng với kết quả thi đua, bảo đảm chính xác, công khai, minh bạch và chú trọng tập thể nhỏ, cá nhân trực tiếp lao động, sản xuất, công tác. Việc bình xét phải căn cứ vào thành tích thực chất, tránh khen thưởng dàn trải hoặc theo kiểu “đến hẹn lại lên”.',
          },
          {
            type: 'list',
            items: [
              'Rà soát, sửa đổi quy chế thi đua, khen thưởng của cơ quan, đơn vị cho phù hợp với luật và các văn bản hướng dẫn mới;',
              'Phổ biến luật đến cán bộ, công chức, viên chức, người lao động, nhất là thành viên hội đồng thi đua, khen thưởng các cấp;',
              'Xây dựng tiêu chí cụ thể cho từng phong trào ngay khi phát động, làm căn cứ để sơ kết, tổng kết và bình xét;',
              'Chuẩn bị hồ sơ đề nghị khen thưởng đầy đủ, đúng mẫu và đúng thời hạn theo quy định mới.',
            ],
          },
          { type: 'heading', text: 'Năm đầu áp dụng cần làm chắc từ cơ sở' },
          {
            type: 'paragraph',
            text: 'Ban Thi đua – Khen thưởng tỉnh đề nghị các cụm, khối thi đua đưa nội dung tuyên truyền, thực hiện luật vào bản giao ước thi đua năm 2024, gắn với các phong trào đang triển khai như cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”. Ủy ban Mặt trận Tổ quốc tỉnh, trưởng Khối Mặt trận – Đoàn thể, và Ủy ban nhân dân thành phố Phú Lâm, trưởng Cụm các huyện, thành phố vùng động lực, có trách nhiệm tổng hợp vướng mắc phát sinh để cơ quan thường trực tham mưu Hội đồng Thi đua – Khen thưởng tỉnh tháo gỡ.',
          },
          {
            type: 'paragraph',
            text: 'Trao đổi với phóng viên, lãnh đạo Ban Thi đua – Khen thưởng tỉnh cho biết:',
          },
          {
            type: 'quote',
            text: 'Luật mới không chỉ thay đổi thủ tục mà đòi hỏi thay đổi cách làm thi đua: phát hiện sớm, bồi dưỡng và nhân rộng những điển hình thật sự từ cơ sở.',
          },
        ],
        en: [
          {
            type: 'paragraph',
            text: 'The Law on Emulation and Commendation No. 06/2022/QH15 was passed by the 15th National Assembly on 15 June 2022 and took effect on 1 January 2024, replacing the 2003 law and its amendments. The Government has issued Decree No. 98/2023/ND-CP detailing how several of its articles are to be applied.',
          },
          { type: 'heading', text: 'The right people, for the right reasons, on time' },
          {
            type: 'paragraph',
            text: 'The Provincial Emulation and Commendation Board stresses that awards must follow real emulation results, be accurate, public and transparent, and give due weight to small collectives and to people who work directly in production and services.',
          },
          {
            type: 'list',
            items: [
              'Review and amend each agency’s internal rules on emulation and commendation;',
              'Explain the law to all staff, especially members of emulation and commendation councils;',
              'Set clear criteria for every movement when it is launched;',
              'Prepare award files completely, on the new forms and on time.',
            ],
          },
          {
            type: 'paragraph',
            text: 'Clusters and blocs are asked to include the new law in their 2024 pledges. Their heads will collect any difficulties that arise so that the board can advise the Provincial Emulation and Commendation Council on how to resolve them.',
          },
        ],
      },
      author: 'Bùi Thanh Tâm',
      dateline: '2024-01-10T09:30:00+07:00',
      category: 'cat-van-ban-chinh-sach',
      blocs: ['khoi-mttq-doan-the', 'cum-vung-dong-luc'],
      agencies: ['ubmttq', 'ubnd-phu-lam'],
      movements: ['movement-nong-thon-moi-do-thi-van-minh'],
      legalDocuments: ['doc-luat-tdkt-2022', 'doc-nd-98-2023', 'doc-luat-tdkt-2003'],
      coverCaption: {
        vi: 'Cán bộ Ban Thi đua – Khen thưởng tỉnh giới thiệu những điểm mới của luật tại hội nghị tập huấn',
        en: 'An officer of the Provincial Emulation and Commendation Board presents the new law at a training session',
      },
      coverAlt: {
        vi: 'Một nữ cán bộ đứng cạnh màn chiếu trình bày các điểm mới của Luật Thi đua, khen thưởng, hàng ghế phía trước kín học viên đang ghi chép.',
        en: 'A woman officer stands beside a projection screen presenting the new points of the law, facing rows of trainees taking notes.',
      },
      palette: ['#1d3557', '#e9c46a'],
      seo: {
        metaTitle: {
          vi: 'Luật Thi đua, khen thưởng 2022 có hiệu lực từ 01/01/2024',
          en: '2022 Law on Emulation and Commendation in force from 1 January 2024',
        },
        metaDescription: {
          vi: 'Những việc cơ quan, đơn vị cần làm trong năm đầu áp dụng Luật Thi đua, khen thưởng số 06/2022/QH15: quy chế, tuyên truyền, tiêu chí và hồ sơ.',
          en: 'What agencies and units should do in the first year of the Law on Emulation and Commendation No. 06/2022/QH15: rules, outreach, criteria and files.',
        },
      },
    },
    {
      key: 'article-khoi-ky-ket-2024',
      title: {
        vi: 'Khối Mặt trận – Đoàn thể ký kết giao ước thi đua năm 2024, tập trung triển khai Luật Thi đua, khen thưởng mới',
        en: 'Front and Mass Organisations Bloc signs its 2024 emulation pledge, focusing on the new Law on Emulation and Commendation',
      },
      summary: {
        vi: 'Sáu cơ quan thành viên Khối Mặt trận – Đoàn thể đã ký kết giao ước thi đua năm 2024 với năm nội dung trọng tâm, trong đó việc triển khai Luật Thi đua, khen thưởng năm 2022 được đặt lên hàng đầu.',
        en: 'The six members of the Front and Mass Organisations Bloc signed their 2024 emulation pledge with five key commitments, putting the implementation of the 2022 Law on Emulation and Commendation first.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Chiều 28/2, tại trụ sở Ủy ban Mặt trận Tổ quốc tỉnh, Khối Mặt trận – Đoàn thể tổ chức hội nghị ký kết giao ước thi đua năm 2024. Đồng chí Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh, trưởng khối năm 2024, chủ trì hội nghị; dự có lãnh đạo Ban Thi đua – Khen thưởng tỉnh và lãnh đạo sáu cơ quan thành viên.',
          },
          {
            type: 'paragraph',
            text: 'Năm 2024 là năm đầu tiên Luật Thi đua, khen thưởng năm 2022 có hiệu lực, vì vậy các thành viên thống nhất đưa việc tuyên truyền, thực hiện luật thành nội dung đầu tiên của bản giao ước. Hội Liên hiệp Phụ nữ tỉnh được hội nghị nhất trí giao vai trò phó khối.',
          },
          { type: 'heading', text: 'Năm nội dung giao ước' },
          {
            type: 'list',
            items: [
              'Tổ chức tốt các phong trào thi đua yêu nước gắn với thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh;',
              'Hoàn thành toàn diện chương trình công tác năm 2024 của từng cơ quan, mỗi đơn vị đăng ký ít nhất một công trình, phần việc cụ thể ngay từ đầu năm;',
              'Tham gia tích cực cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” ở các địa bàn còn nhiều khó khăn;',
              'Phát hiện, bồi dưỡng và giới thiệu ít nhất hai gương điển hình tiên tiến mỗi quý;',
              'Thực hiện nghiêm chế độ thông tin, báo cáo và tham gia đầy đủ các hoạt động chung của khối.',
            ],
          },
          {
            type: 'paragraph',
            text: 'Tại hội nghị, từng cơ quan thành viên đăng ký phong trào trọng tâm của mình: Liên đoàn Lao động tỉnh với phong trào “Lao động giỏi, lao động sáng tạo”; Hội Nông dân tỉnh với phong trào nông dân thi đua sản xuất, kinh doanh giỏi; Hội Liên hiệp Phụ nữ tỉnh với phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”; Tỉnh đoàn với phong trào xây dựng giá trị hình mẫu thanh niên thời kỳ mới; Hội Cựu chiến binh tỉnh với phong trào “Cựu chiến binh gương mẫu”.',
          },
          {
            type: 'paragraph',
            text: 'Phát biểu kết luận, trưởng khối đề nghị các thành viên sớm cụ thể hóa nội dung giao ước vào kế hoạch công tác của đơn vị mình:',
          },
          {
            type: 'quote',
            text: 'Giao ước chỉ có ý nghĩa khi mỗi chỉ tiêu được chuyển thành việc làm của từng chi hội, từng đoàn viên, hội viên ở cơ sở.',
          },
          {
            type: 'paragraph',
            text: 'Ngay sau đó, lãnh đạo sáu cơ quan thành viên đã ký kết giao ước thi đua năm 2024 trước sự chứng kiến của đại diện Ban Thi đua – Khen thưởng tỉnh.',
          },
        ],
        en: [
          {
            type: 'paragraph',
            text: 'On the afternoon of 28 February, the Front and Mass Organisations Bloc met at the Provincial Fatherland Front Committee to sign its emulation pledge for 2024. The chairman of the Provincial Fatherland Front Committee, who heads the bloc this year, presided; leaders of the Provincial Emulation and Commendation Board and of all six member agencies attended.',
          },
          {
            type: 'paragraph',
            text: 'As 2024 is the first year in which the 2022 Law on Emulation and Commendation is in force, the members agreed to make promoting and applying the law the first item of the pledge. The Provincial Women’s Union was chosen as deputy head of the bloc.',
          },
          { type: 'heading', text: 'Five commitments' },
          {
            type: 'list',
            items: [
              'Run the patriotic emulation movements together with Directive No. 05-CT/TW on studying and following Ho Chi Minh’s thought, morality and style;',
              'Complete each agency’s 2024 work programme, with at least one concrete project registered at the start of the year;',
              'Take an active part in the campaign “All people unite to build new rural areas and civilised urban areas” in disadvantaged areas;',
              'Find, support and present at least two exemplary people or units every quarter;',
              'Report regularly and join all of the bloc’s common activities.',
            ],
          },
          {
            type: 'paragraph',
            text: 'Each member also registered its main movement for the year, from the Labour Federation’s “Good work, creative work” to the Veterans’ Association’s “Exemplary veterans”. The leaders of the six agencies then signed the pledge before representatives of the Provincial Emulation and Commendation Board.',
          },
        ],
      },
      author: 'Phạm Ngọc Lan',
      dateline: '2024-02-28T16:45:00+07:00',
      category: 'cat-tin-cum-khoi',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['ubmttq', 'hoi-lhpn'],
      movements: ['movement-hoc-tap-lam-theo-bac', 'movement-nong-thon-moi-do-thi-van-minh'],
      legalDocuments: ['doc-05-ct-tw'],
      coverCaption: {
        vi: 'Lãnh đạo các cơ quan thành viên Khối Mặt trận – Đoàn thể ký kết giao ước thi đua năm 2024',
        en: 'Leaders of the bloc’s member agencies sign the 2024 emulation pledge',
      },
      coverAlt: {
        vi: 'Sáu đại biểu ngồi sau dãy bàn phủ khăn đỏ cùng ký vào văn bản giao ước thi đua, phía sau là phông hội nghị màu xanh.',
        en: 'Six delegates seated behind a table draped in red cloth sign the pledge document in front of a blue conference backdrop.',
      },
      palette: ['#b22222', '#f4d35e'],
    },
    {
      key: 'article-ccb-phat-dong-2024',
      title: {
        vi: 'Hội Cựu chiến binh tỉnh phát động phong trào thi đua “Cựu chiến binh gương mẫu” giai đoạn 2024–2029',
      },
      summary: {
        vi: 'Phong trào đặt mục tiêu mỗi hội viên là một tấm gương trong phát triển kinh tế, giữ gìn an ninh trật tự và giáo dục truyền thống cho thế hệ trẻ.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Sáng 16/4, Hội Cựu chiến binh tỉnh tổ chức lễ phát động phong trào thi đua “Cựu chiến binh gương mẫu” giai đoạn 2024–2029. Tham dự có đại diện Ủy ban Mặt trận Tổ quốc tỉnh, Ban Thi đua – Khen thưởng tỉnh, các cơ quan thành viên Khối Mặt trận – Đoàn thể cùng hơn 200 hội viên tiêu biểu đến từ các huyện, thành phố.',
          },
          {
            type: 'paragraph',
            text: 'Theo báo cáo của Ban Thường vụ Hội, trong giai đoạn trước, phong trào đã giúp hàng nghìn hộ hội viên thoát nghèo; nhiều mô hình kinh tế của cựu chiến binh đạt doanh thu hàng tỷ đồng mỗi năm và tạo việc làm ổn định cho lao động địa phương. Các cấp hội cũng tích cực tham gia hòa giải ở cơ sở, giữ gìn an ninh trật tự và bảo vệ môi trường.',
          },
          { type: 'heading', text: 'Bốn nhóm tiêu chí của giai đoạn mới' },
          {
            type: 'list',
            items: [
              'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định ở nơi cư trú;',
              'Tích cực phát triển kinh tế, giúp nhau giảm nghèo bền vững, không để hội viên tái nghèo;',
              'Tham gia xây dựng Đảng, chính quyền, Mặt trận và các đoàn thể vững mạnh, phòng chống tiêu cực, lãng phí;',
              'Giáo dục truyền thống cách mạng, bồi dưỡng lý tưởng cho thế hệ trẻ.',
            ],
          },
          {
            type: 'paragraph',
            text: 'Phát biểu phát động phong trào, ông Hồ Văn Quảng, Chủ tịch Hội Cựu chiến binh tỉnh, nhấn mạnh:',
          },
          {
            type: 'quote',
            text: 'Mỗi cựu chiến binh hôm nay vẫn là một người lính trên mặt trận mới. Phong trào phải đi vào từng chi hội và được đo bằng việc làm cụ thể, không dừng ở khẩu hiệu.',
          },
          {
            type: 'paragraph',
            text: 'Ngay tại buổi lễ, đại diện hội cựu chiến binh các huyện, thành phố đã ký kết giao ước thi đua và đăng ký các phần việc cụ thể như xây nhà nghĩa tình đồng đội, hỗ trợ vốn sản xuất và duy trì câu lạc bộ giáo dục truyền thống tại trường học.',
          },
        ],
      },
      author: 'Hoàng Minh Đức',
      dateline: '2024-04-17T10:05:00+07:00',
      category: 'cat-tin-cum-khoi',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['hoi-ccb'],
      movements: ['movement-ccb-guong-mau', 'movement-hoc-tap-lam-theo-bac'],
      coverCaption: {
        vi: 'Lễ phát động phong trào thi đua “Cựu chiến binh gương mẫu” giai đoạn 2024–2029',
      },
      coverAlt: {
        vi: 'Hội trường kín chỗ, các hội viên cựu chiến binh mặc đồng phục màu xanh rêu đồng loạt giơ tay hưởng ứng phong trào.',
      },
      palette: ['#4b5d3a', '#c9a227'],
    },
    {
      key: 'article-khoi-so-ket-6-thang-2024',
      title: {
        vi: 'Khối Mặt trận – Đoàn thể sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024',
      },
      summary: {
        vi: 'Sau sáu tháng, các cơ quan thành viên đã hoàn thành đúng tiến độ phần lớn chỉ tiêu giao ước; hội nghị cũng chỉ ra những hạn chế cần khắc phục để về đích cả năm.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Ngày 11/7, Khối Mặt trận – Đoàn thể tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2024. Hội nghị do Ủy ban Mặt trận Tổ quốc tỉnh, trưởng khối, chủ trì; Hội Liên hiệp Phụ nữ tỉnh, phó khối, đồng chủ trì.',
          },
          { type: 'heading', text: 'Nhiều chỉ tiêu hoàn thành sớm' },
          {
            type: 'paragraph',
            text: 'Báo cáo sơ kết cho thấy các phong trào được triển khai đồng bộ, bám sát nội dung giao ước đã ký từ đầu năm. Liên đoàn Lao động tỉnh ghi nhận 186 sáng kiến, giải pháp được đăng ký trong phong trào “Lao động giỏi, lao động sáng tạo”; Tỉnh đoàn triển khai 34 công trình, phần việc thanh niên với tổng giá trị gần 5 tỷ đồng; Hội Nông dân tỉnh phối hợp hỗ trợ vốn cho hơn 400 hộ hội viên phát triển sản xuất.',
          },
          {
            type: 'paragraph',
            text: 'Công tác khen thưởng có chuyển biến theo tinh thần Luật Thi đua, khen thưởng năm 2022: tỷ lệ khen thưởng người trực tiếp lao động, sản xuất tăng so với cùng kỳ, nhiều trường hợp được khen thưởng đột xuất ngay sau khi lập thành tích.',
          },
          { type: 'heading', text: 'Những việc cần làm trong 6 tháng cuối năm' },
          {
            type: 'list',
            items: [
              'Hoàn thiện bộ tiêu chí chấm điểm thi đua của khối, gửi các thành viên góp ý trước ngày 31/8;',
              'Tổ chức kiểm tra chéo giữa các cơ quan thành viên trong tháng 10;',
              'Đẩy mạnh tuyên truyền gương điển hình tiên tiến trên trang thông tin điện tử và mạng xã hội của từng đơn vị;',
              'Chuẩn bị hồ sơ đề nghị khen thưởng tổng kết năm đúng thời hạn.',
            ],
          },
          {
            type: 'paragraph',
            text: 'Hội nghị thẳng thắn chỉ ra một số hạn chế: vài phong trào chưa có tiêu chí đánh giá rõ ràng, việc phát hiện, giới thiệu điển hình ở cơ sở còn chậm. Trưởng khối đề nghị các thành viên khắc phục ngay trong quý III.',
          },
        ],
      },
      author: 'Nguyễn Thảo Vy',
      dateline: '2024-07-12T14:10:00+07:00',
      category: 'cat-tin-cum-khoi',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['ubmttq', 'ldld', 'tinh-doan'],
      movements: ['movement-lao-dong-gioi', 'movement-thanh-nien-hinh-mau'],
      coverCaption: {
        vi: 'Quang cảnh hội nghị sơ kết 6 tháng đầu năm 2024 của Khối Mặt trận – Đoàn thể',
      },
      coverAlt: {
        vi: 'Phòng họp kê bàn hình chữ U, đại biểu các cơ quan thành viên theo dõi báo cáo trên màn hình lớn ở đầu phòng.',
      },
      palette: ['#264653', '#2a9d8f'],
    },
    {
      key: 'article-guong-nu-cong-nhan-phu-lam',
      title: {
        vi: 'Nữ tổ trưởng tổ may với hai sáng kiến làm lợi hàng trăm triệu đồng mỗi năm',
        en: 'A sewing team leader whose two initiatives save hundreds of millions of dong a year',
      },
      summary: {
        vi: 'Hai năm liền đạt danh hiệu Chiến sĩ thi đua cơ sở, chị Lương Thị Mỹ Duyên, tổ trưởng tổ may ở thành phố Phú Lâm, vừa được tặng Bằng khen của Chủ tịch UBND tỉnh vì thành tích xuất sắc trong phong trào “Lao động giỏi, lao động sáng tạo”.',
        en: 'A grassroots Emulation Fighter two years running, Luong Thi My Duyen, a sewing team leader in Phu Lam City, has received a Certificate of Merit from the Chairman of the Provincial People’s Committee for her work in the “Good work, creative work” movement.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Đến xưởng may của Công ty TNHH May mặc Phú Lâm vào giờ cao điểm, điều dễ nhận thấy ở tổ may số 3 là nhịp làm việc đều đặn, không có cảnh bán thành phẩm ùn lại giữa các công đoạn. Người đứng sau sự trơn tru ấy là chị Lương Thị Mỹ Duyên, 38 tuổi, gần 15 năm gắn bó với nghề may.',
          },
          { type: 'heading', text: 'Từ những chiếc cữ gá tự làm' },
          {
            type: 'paragraph',
            text: 'Năm 2022, thấy công đoạn may túi áo sơ mi thường xuyên bị chậm, chị Duyên mày mò chế tạo bộ cữ gá giúp định vị miệng túi chỉ trong một thao tác. Sáng kiến được công ty áp dụng cho cả 12 chuyền may, giúp năng suất công đoạn tăng khoảng 20% và giảm hẳn hàng phải sửa. Năm sau, chị đề xuất bố trí lại vị trí máy theo dòng chảy sản phẩm, rút ngắn quãng đường luân chuyển bán thành phẩm.',
          },
          {
            type: 'paragraph',
            text: 'Theo đánh giá của hội đồng sáng kiến cơ sở, hai giải pháp này làm lợi cho doanh nghiệp khoảng 450 triệu đồng mỗi năm. Với những đóng góp đó, chị Duyên được công nhận danh hiệu Chiến sĩ thi đua cơ sở hai năm liền 2022 và 2023.',
          },
          {
            type: 'paragraph',
            text: 'Hỏi về bí quyết, chị Duyên cười giản dị:',
          },
          {
            type: 'quote',
            text: 'Mình chỉ nghĩ làm sao cho chị em trong tổ đỡ vất vả mà vẫn kịp hàng. Sáng kiến nào cũng bắt đầu từ những việc nhỏ như vậy.',
          },
          {
            type: 'paragraph',
            text: 'Không chỉ giỏi tay nghề, chị Duyên còn là chi hội trưởng phụ nữ của công ty, thường xuyên vận động chị em công nhân tham gia các lớp kỹ năng và giúp nhau lúc ốm đau, hoạn nạn. Theo đề nghị của Liên đoàn Lao động tỉnh, tháng 9/2024, chị được Chủ tịch UBND tỉnh tặng Bằng khen vì thành tích xuất sắc trong phong trào “Lao động giỏi, lao động sáng tạo”.',
          },
        ],
        en: [
          {
            type: 'paragraph',
            text: 'At peak hours in the workshop of Phu Lam Garment Co., Ltd., what stands out in sewing team No. 3 is its steady rhythm: no half-finished pieces pile up between stages. Behind that smooth flow is Luong Thi My Duyen, 38, who has worked as a seamstress for almost 15 years.',
          },
          { type: 'heading', text: 'Home-made jigs' },
          {
            type: 'paragraph',
            text: 'In 2022 she built a jig that positions a shirt pocket in a single movement, and a year later she proposed rearranging the machines to follow the flow of the product. The company’s initiative council estimates that the two improvements save about 450 million dong a year, and she was named a grassroots Emulation Fighter in both 2022 and 2023.',
          },
          {
            type: 'quote',
            text: 'I only wanted the women in my team to work less hard and still meet the deadlines. Every initiative starts with small things like that.',
          },
          {
            type: 'paragraph',
            text: 'Duyen also leads the company’s women’s union branch. On the proposal of the Provincial Federation of Labour, she received the Chairman’s Certificate of Merit in September 2024.',
          },
        ],
      },
      author: 'Võ Thị Kim Oanh',
      dateline: '2024-09-25T08:40:00+07:00',
      category: 'cat-guong-dien-hinh',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['ldld', 'hoi-lhpn'],
      movements: ['movement-lao-dong-gioi', 'movement-phu-nu-tich-cuc'],
      coverCaption: {
        vi: 'Chị Lương Thị Mỹ Duyên (bên phải) hướng dẫn công nhân mới sử dụng cữ gá may túi',
        en: 'Luong Thi My Duyen (right) shows a new worker how to use the pocket-sewing jig',
      },
      coverAlt: {
        vi: 'Một nữ công nhân mặc đồng phục xanh, đeo khẩu trang, đứng cạnh bàn máy may chỉ cho một công nhân trẻ cách đặt vải vào cữ gá.',
        en: 'A woman worker in a blue uniform and face mask stands by a sewing machine, showing a young worker how to place fabric in the jig.',
      },
      palette: ['#3a86ff', '#ffbe0b'],
    },
    {
      key: 'article-khoi-tong-ket-2024',
      title: {
        vi: 'Khối Mặt trận – Đoàn thể tổng kết công tác thi đua, khen thưởng năm 2024 và bàn giao nhiệm vụ trưởng khối năm 2025',
      },
      summary: {
        vi: 'Hội nghị thống nhất suy tôn Liên đoàn Lao động tỉnh dẫn đầu khối, đề nghị tặng Cờ thi đua của UBND tỉnh; Hội Liên hiệp Phụ nữ tỉnh nhận nhiệm vụ trưởng khối năm 2025.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Ngày 19/12, Khối Mặt trận – Đoàn thể tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2024 và triển khai phương hướng, nhiệm vụ năm 2025. Đồng chí Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh, trưởng khối năm 2024, chủ trì hội nghị.',
          },
          {
            type: 'paragraph',
            text: 'Trong năm, sáu cơ quan thành viên đều hoàn thành các nội dung giao ước đã ký từ tháng 2. Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” tiếp tục được cụ thể hóa bằng nhiều công trình thiết thực: nhân dân hiến hơn 35.000 m² đất và góp hàng nghìn ngày công làm đường giao thông nông thôn. Phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc” giúp hơn 600 hội viên được hỗ trợ vay vốn, học nghề.',
          },
          { type: 'heading', text: 'Kết quả bình xét' },
          {
            type: 'paragraph',
            text: 'Trên cơ sở chấm điểm theo bộ tiêu chí chung và bỏ phiếu kín, hội nghị thống nhất suy tôn Liên đoàn Lao động tỉnh là đơn vị dẫn đầu khối, đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua; Hội Nông dân tỉnh và Tỉnh đoàn được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh.',
          },
          { type: 'heading', text: 'Bàn giao nhiệm vụ trưởng khối' },
          {
            type: 'paragraph',
            text: 'Theo nguyên tắc luân phiên, hội nghị thống nhất giao Hội Liên hiệp Phụ nữ tỉnh làm trưởng khối, Hội Nông dân tỉnh làm phó khối năm 2025. Nhận nhiệm vụ từ Ủy ban Mặt trận Tổ quốc tỉnh, bà Phan Thị Ngọc Bích, Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, khẳng định:',
          },
          {
            type: 'quote',
            text: 'Năm 2025, khối sẽ tập trung vào chất lượng của từng phong trào, lấy kết quả ở cơ sở làm thước đo và chú trọng hơn nữa việc khen thưởng người trực tiếp lao động.',
          },
          {
            type: 'paragraph',
            text: 'Dịp này, Ban Thi đua – Khen thưởng tỉnh đề nghị các thành viên sớm xây dựng kế hoạch năm 2025, chuẩn bị tốt cho hội nghị ký kết giao ước thi đua dự kiến tổ chức trong tháng 2.',
          },
        ],
      },
      author: 'Phạm Ngọc Lan',
      dateline: '2024-12-20T15:20:00+07:00',
      category: 'cat-tin-cum-khoi',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['ubmttq', 'hoi-lhpn', 'hoi-nong-dan'],
      movements: ['movement-nong-thon-moi-do-thi-van-minh', 'movement-phu-nu-tich-cuc'],
      related: ['article-khoi-so-ket-6-thang-2024', 'article-khoi-ky-ket-2024'],
      coverCaption: {
        vi: 'Đại diện Ủy ban Mặt trận Tổ quốc tỉnh bàn giao nhiệm vụ trưởng khối năm 2025 cho Hội Liên hiệp Phụ nữ tỉnh',
      },
      coverAlt: {
        vi: 'Hai đại biểu bắt tay nhau trên sân khấu, một người cầm tập hồ sơ bàn giao, phía sau là phông chữ hội nghị tổng kết năm 2024.',
      },
      palette: ['#9d0208', '#ffba08'],
      seo: {
        metaTitle: {
          vi: 'Khối Mặt trận – Đoàn thể tổng kết thi đua, khen thưởng năm 2024',
        },
        metaDescription: {
          vi: 'Liên đoàn Lao động tỉnh dẫn đầu Khối Mặt trận – Đoàn thể năm 2024; Hội Liên hiệp Phụ nữ tỉnh nhận nhiệm vụ trưởng khối năm 2025.',
        },
      },
    },
    {
      key: 'article-cum-tong-ket-2024',
      title: {
        vi: 'Cụm các huyện, thành phố vùng động lực tổng kết thi đua năm 2024, huyện Tân Lập nhận nhiệm vụ trưởng cụm',
      },
      summary: {
        vi: 'Trước khi vào hội nghị, các đại biểu đã đi thực tế một số mô hình chỉnh trang đô thị và nông thôn mới nâng cao tại thành phố Phú Lâm và huyện Tân Lập.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Ngày 15/1, tại thành phố Phú Lâm, Cụm các huyện, thành phố vùng động lực tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm 2024. Hội nghị do đồng chí Chủ tịch Ủy ban nhân dân thành phố Phú Lâm, trưởng cụm năm 2024, chủ trì; dự có lãnh đạo Ban Thi đua – Khen thưởng tỉnh và lãnh đạo Ủy ban nhân dân các huyện Vĩnh Lạc, Tân Lập, Hòa Khánh.',
          },
          { type: 'heading', text: 'Đi thực tế trước khi vào hội nghị' },
          {
            type: 'paragraph',
            text: 'Buổi sáng, đoàn đại biểu tham quan tuyến phố văn minh trên đường Lê Lợi do người dân thành phố Phú Lâm góp công, góp đất chỉnh trang, sau đó đến xã Tân Hưng, huyện Tân Lập, nơi vừa được công nhận đạt chuẩn nông thôn mới nâng cao. Những mô hình này cho thấy cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” đã thực sự lan tỏa trong nhân dân.',
          },
          {
            type: 'paragraph',
            text: 'Năm 2024, các địa phương trong cụm đều hoàn thành và vượt phần lớn chỉ tiêu phát triển kinh tế – xã hội. Một số kết quả nổi bật được ghi nhận tại hội nghị:',
          },
          {
            type: 'list',
            items: [
              'Thành phố Phú Lâm hoàn thành chỉnh trang 14 tuyến phố, xây dựng 9 khu dân cư kiểu mẫu;',
              'Huyện Tân Lập có thêm 3 xã đạt chuẩn nông thôn mới nâng cao và 1 xã đạt chuẩn nông thôn mới kiểu mẫu;',
              'Huyện Vĩnh Lạc thu hút thêm 6 dự án vào các khu công nghiệp, tạo việc làm cho hơn 2.000 lao động;',
              'Huyện Hòa Khánh có thêm 4 sản phẩm OCOP từ cây ăn quả đặc sản.',
            ],
          },
          { type: 'heading', text: 'Luân phiên trưởng cụm năm 2025' },
          {
            type: 'paragraph',
            text: 'Qua chấm điểm, bình xét, hội nghị thống nhất suy tôn thành phố Phú Lâm dẫn đầu cụm, đề nghị Ủy ban nhân dân tỉnh tặng Cờ thi đua; huyện Tân Lập được đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh. Hội nghị cũng thống nhất giao Ủy ban nhân dân huyện Tân Lập làm trưởng cụm, Ủy ban nhân dân huyện Vĩnh Lạc làm phó cụm năm 2025.',
          },
        ],
      },
      author: 'Trần Quốc Bảo',
      dateline: '2025-01-16T11:00:00+07:00',
      category: 'cat-tin-cum-khoi',
      blocs: ['cum-vung-dong-luc'],
      agencies: ['ubnd-phu-lam', 'ubnd-tan-lap', 'ubnd-vinh-lac'],
      movements: ['movement-nong-thon-moi-do-thi-van-minh', 'movement-hoc-tap-lam-theo-bac'],
      coverCaption: {
        vi: 'Đoàn đại biểu Cụm các huyện, thành phố vùng động lực tham quan mô hình nông thôn mới nâng cao tại xã Tân Hưng, huyện Tân Lập',
      },
      coverAlt: {
        vi: 'Nhóm đại biểu đi bộ trên con đường bê tông rộng, hai bên là hàng rào hoa giấy và những ngôi nhà khang trang.',
      },
      palette: ['#2d6a4f', '#95d5b2'],
    },
    {
      key: 'article-guong-ccb-hoa-khanh',
      title: {
        vi: 'Cựu chiến binh làm giàu trên đất bưởi Hòa Khánh và hành trình giúp đồng đội thoát nghèo',
      },
      summary: {
        vi: 'Từ mảnh vườn tạp, ông Đặng Văn Thịnh ở xã Khánh An, huyện Hòa Khánh đã gây dựng trang trại bưởi da xanh cho lợi nhuận hơn một tỷ đồng mỗi năm và giúp nhiều hội viên vươn lên.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Rời quân ngũ năm 1985 với vết thương ở chân, ông Đặng Văn Thịnh trở về quê ở xã Khánh An, huyện Hòa Khánh với hai bàn tay trắng. Những năm đầu, gia đình ông chủ yếu sống nhờ mấy sào lúa và mảnh vườn tạp cho thu nhập bấp bênh.',
          },
          { type: 'heading', text: 'Kiên trì với cây bưởi da xanh' },
          {
            type: 'paragraph',
            text: 'Năm 2008, sau nhiều chuyến đi học hỏi kinh nghiệm, ông mạnh dạn vay vốn cải tạo vườn, chuyển sang trồng bưởi da xanh. Đến nay, trang trại của ông rộng 6 ha, sản xuất theo tiêu chuẩn VietGAP, kết hợp nuôi cá trong mương vườn, cho lợi nhuận hơn một tỷ đồng mỗi năm và tạo việc làm thường xuyên cho 11 lao động địa phương.',
          },
          {
            type: 'paragraph',
            text: 'Không làm giàu một mình, ông Thịnh cho 7 hộ hội viên cựu chiến binh vay cây giống, phân bón không lấy lãi và trực tiếp hướng dẫn kỹ thuật. Khi xã triển khai xây dựng nông thôn mới, gia đình ông tự nguyện hiến gần 300 m² đất để mở rộng đường liên ấp.',
          },
          {
            type: 'paragraph',
            text: 'Nói về điều khiến mình tâm đắc nhất, ông Thịnh chia sẻ:',
          },
          {
            type: 'quote',
            text: 'Làm kinh tế cũng như ra trận, phải có đồng đội. Mình khá lên thì kéo anh em cùng đi lên, vậy mới trọn nghĩa người lính.',
          },
          { type: 'heading', text: 'Nhiều năm liền là nông dân sản xuất, kinh doanh giỏi' },
          {
            type: 'paragraph',
            text: 'Với những đóng góp đó, ông Thịnh nhiều năm liền đạt danh hiệu nông dân sản xuất, kinh doanh giỏi cấp tỉnh và tháng 3/2025 được Chủ tịch UBND tỉnh tặng Bằng khen vì thành tích xuất sắc trong phong trào “Cựu chiến binh gương mẫu”. Hội Cựu chiến binh và Hội Nông dân huyện Hòa Khánh đang phối hợp đưa trang trại của ông thành điểm tham quan, học tập cho hội viên trong huyện.',
          },
        ],
      },
      author: 'Đỗ Hải Yến',
      dateline: '2025-03-27T09:15:00+07:00',
      category: 'cat-guong-dien-hinh',
      blocs: ['khoi-mttq-doan-the', 'cum-vung-dong-luc'],
      agencies: ['hoi-ccb', 'hoi-nong-dan', 'ubnd-hoa-khanh'],
      movements: ['movement-ccb-guong-mau', 'movement-nong-dan-sxkd-gioi'],
      related: ['article-guong-nu-cong-nhan-phu-lam'],
      coverCaption: {
        vi: 'Ông Đặng Văn Thịnh kiểm tra bưởi da xanh trong trang trại của gia đình tại xã Khánh An',
      },
      coverAlt: {
        vi: 'Người đàn ông lớn tuổi đội mũ tai bèo, mặc áo sơ mi bạc màu, đưa tay nâng chùm bưởi xanh trĩu cành trong vườn.',
      },
      palette: ['#6a994e', '#f2e8cf'],
      seo: {
        metaTitle: {
          vi: 'Cựu chiến binh Đặng Văn Thịnh làm giàu từ bưởi da xanh',
        },
        metaDescription: {
          vi: 'Cựu chiến binh ở huyện Hòa Khánh gây dựng trang trại bưởi da xanh 6 ha, tạo việc làm cho 11 lao động và giúp đồng đội thoát nghèo.',
        },
      },
    },
    {
      key: 'article-guong-thanh-nien-lam-theo-loi-bac-2025',
      title: {
        vi: 'Tỉnh đoàn tuyên dương 20 gương “Thanh niên tiên tiến làm theo lời Bác” năm 2025',
      },
      summary: {
        vi: 'Nhân kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh, Tỉnh đoàn tuyên dương 20 đoàn viên, thanh niên tiêu biểu trong học tập, lao động, sáng tạo và hoạt động tình nguyện.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Tối 18/5, Tỉnh đoàn tổ chức lễ tuyên dương “Thanh niên tiên tiến làm theo lời Bác” năm 2025. Các gương được tuyên dương là đoàn viên, thanh niên tiêu biểu trong học tập, lao động, khởi nghiệp, bảo vệ Tổ quốc và hoạt động tình nguyện, được lựa chọn từ hơn 80 hồ sơ do các cơ sở đoàn giới thiệu.',
          },
          { type: 'heading', text: 'Kỹ sư trẻ mang công nghệ về với người dân' },
          {
            type: 'paragraph',
            text: 'Một trong những gương mặt được nhắc đến nhiều nhất là anh Trần Minh Khôi, 29 tuổi, kỹ sư phần mềm, Bí thư Chi đoàn Trung tâm Chuyển đổi số huyện Vĩnh Lạc. Hơn hai năm qua, anh cùng đội hình thanh niên tình nguyện chuyển đổi số đã đến từng thôn, hỗ trợ hơn 5.000 lượt người dân cài đặt ứng dụng định danh điện tử và nộp hồ sơ dịch vụ công trực tuyến.',
          },
          {
            type: 'paragraph',
            text: 'Anh Khôi còn tự viết một phần mềm nhỏ giúp các chi hội nông dân quản lý danh sách hội viên và theo dõi nguồn vốn vay; hiện nhiều xã trong huyện đang sử dụng miễn phí.',
          },
          {
            type: 'paragraph',
            text: 'Chia sẻ tại buổi lễ, anh Khôi nói:',
          },
          {
            type: 'quote',
            text: 'Làm theo lời Bác với chúng em không phải điều gì lớn lao, mà là mỗi ngày giúp thêm một người dân bớt phải đi lại, chờ đợi.',
          },
          {
            type: 'paragraph',
            text: 'Phát biểu tại lễ tuyên dương, đại diện Thường trực Tỉnh đoàn đề nghị các cấp bộ đoàn tiếp tục gắn việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh theo Chỉ thị số 05-CT/TW với phong trào xây dựng giá trị hình mẫu thanh niên Việt Nam thời kỳ mới, để mỗi đoàn viên có ít nhất một việc làm cụ thể vì cộng đồng trong năm.',
          },
        ],
      },
      author: 'Lê Quang Vinh',
      dateline: '2025-05-19T08:30:00+07:00',
      category: 'cat-guong-dien-hinh',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['tinh-doan', 'ubnd-vinh-lac'],
      movements: ['movement-thanh-nien-hinh-mau', 'movement-hoc-tap-lam-theo-bac'],
      legalDocuments: ['doc-05-ct-tw'],
      coverCaption: {
        vi: 'Thường trực Tỉnh đoàn trao giấy chứng nhận cho các gương “Thanh niên tiên tiến làm theo lời Bác” năm 2025',
      },
      coverAlt: {
        vi: 'Hàng thanh niên mặc áo xanh tình nguyện đứng trên sân khấu, mỗi người cầm giấy chứng nhận và bó hoa, phía sau là ảnh Chủ tịch Hồ Chí Minh.',
      },
      palette: ['#0077b6', '#90e0ef'],
    },
    {
      key: 'article-huong-dan-tong-ket-2025',
      title: {
        vi: 'Ban Thi đua – Khen thưởng tỉnh hướng dẫn tổng kết, bình xét thi đua và đề nghị khen thưởng năm 2025',
      },
      summary: {
        vi: 'Hồ sơ đề nghị khen thưởng tổng kết năm 2025 của các cụm, khối thi đua gửi về Ban Thi đua – Khen thưởng tỉnh chậm nhất ngày 15/01/2026; việc chấm điểm năm nay chú trọng kết quả thực chất ở cơ sở.',
      },
      body: {
        vi: [
          {
            type: 'paragraph',
            text: 'Ban Thi đua – Khen thưởng tỉnh vừa ban hành văn bản hướng dẫn các cụm, khối thi đua tổ chức tổng kết công tác thi đua, khen thưởng năm 2025, bình xét danh hiệu thi đua và đề nghị khen thưởng theo Luật Thi đua, khen thưởng năm 2022 cùng các văn bản hướng dẫn thi hành.',
          },
          { type: 'heading', text: 'Thời gian và trình tự thực hiện' },
          {
            type: 'list',
            items: [
              'Các cơ quan thành viên tự chấm điểm theo bộ tiêu chí của cụm, khối và gửi trưởng cụm, khối trước ngày 10/12/2025;',
              'Trưởng cụm, khối tổ chức hội nghị tổng kết, bình xét và bỏ phiếu suy tôn đơn vị dẫn đầu, hoàn thành trước ngày 31/12/2025;',
              'Hồ sơ đề nghị tặng Cờ thi đua của UBND tỉnh và Bằng khen của Chủ tịch UBND tỉnh gửi về Ban Thi đua – Khen thưởng tỉnh chậm nhất ngày 15/01/2026.',
            ],
          },
          { type: 'heading', text: 'Chấm điểm dựa trên kết quả thực chất' },
          {
            type: 'paragraph',
            text: 'Bộ tiêu chí năm nay tăng điểm cho kết quả thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và kết quả tổng kết giai đoạn 2021–2025 của cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”. Những nội dung chỉ nêu trong báo cáo mà không có sản phẩm, số liệu kiểm chứng sẽ không được tính điểm.',
          },
          {
            type: 'paragraph',
            text: 'Đối với khen thưởng cá nhân, các đơn vị cần ưu tiên người trực tiếp lao động, sản xuất, công tác; hồ sơ đề nghị danh hiệu Chiến sĩ thi đua cấp tỉnh phải kèm minh chứng về sáng kiến, đề tài khoa học đã được công nhận và áp dụng hiệu quả.',
          },
          {
            type: 'paragraph',
            text: 'Theo Hội Liên hiệp Phụ nữ tỉnh, trưởng Khối Mặt trận – Đoàn thể năm 2025, khối đã xây dựng kế hoạch tổ chức hội nghị tổng kết vào giữa tháng 12, phối hợp chặt chẽ với phó khối là Hội Nông dân tỉnh trong khâu chấm điểm, kiểm tra chéo.',
          },
        ],
      },
      author: 'Bùi Thanh Tâm',
      dateline: '2025-11-04T08:00:00+07:00',
      category: 'cat-van-ban-chinh-sach',
      blocs: ['khoi-mttq-doan-the'],
      agencies: ['hoi-lhpn', 'hoi-nong-dan'],
      movements: ['movement-hoc-tap-lam-theo-bac', 'movement-nong-thon-moi-do-thi-van-minh'],
      legalDocuments: ['doc-05-ct-tw', 'doc-hd-tong-ket-2025'],
      coverCaption: {
        vi: 'Cán bộ Ban Thi đua – Khen thưởng tỉnh kiểm tra hồ sơ đề nghị khen thưởng',
      },
      coverAlt: {
        vi: 'Bàn làm việc xếp nhiều tập hồ sơ bìa xanh, một cán bộ đang đối chiếu giấy tờ với dữ liệu trên màn hình máy tính.',
      },
      palette: ['#5a189a', '#e0aaff'],
    },
  ],
};
