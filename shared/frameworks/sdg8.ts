// SDG 8 (decent work and economic growth): the goal, its 12 targets and 17 indicators in English,
// Russian and Turkmen. Texts are those of open-sdg/sdg-translations (commit 0cda585) except the
// corrections listed in `source.corrections`; sdg8.test.ts proves that against the reference copy
// where a checkout has it.
import type { Framework } from './types';

export const sdg8: Framework = {
  id: 'sdg8',
  name: {
    en: 'Decent work and economic growth',
    ru: 'Достойная работа и экономический рост',
    tk: 'Gowy iş we ykdysady ösüş',
  },
  // 'ЦУР' is the UN's Russian abbreviation; Turkmen keeps the English one until a reviewer decides
  shortName: { en: 'SDG 8', ru: 'ЦУР 8' },
  version:
    'Targets: A/RES/70/1 (2015); indicators: global indicator framework (A/RES/71/313) with its ' +
    'later refinements (8.9.2 as currently worded)',
  source: {
    credit: {
      en: 'Texts: United Nations (A/RES/70/1 and the global indicator framework), in the wording of the Open SDG translations (MIT licence). The Turkmen texts are community translations, not official UN texts.',
      ru: 'Тексты: Организация Объединённых Наций (A/RES/70/1 и глобальная система показателей) в редакции переводов проекта open-sdg (лицензия MIT). Тексты на туркменском языке — переводы сообщества, а не официальные тексты ООН.',
      tk: 'Tekstler: Birleşen Milletler Guramasy (A/RES/70/1 we global görkezijiler ulgamy), open-sdg taslamasynyň terjimeleriniň beýanynda (MIT ygtyýarnamasy). Türkmen dilindäki tekstler BMG-niň resmi tekstleri däl-de, jemgyýetçilik terjimeleridir.',
    },
    title:
      'English, Russian and Turkmen texts from open-sdg/sdg-translations, commit 0cda585 ' +
      '(translations/{en,ru,tk}/global_{goals,targets,indicators}.yml), with the corrections below. ' +
      'The Turkmen texts are community translations, not official UN texts, and need review by a ' +
      'native speaker.',
    url: 'https://github.com/open-sdg/sdg-translations',
    licence: 'MIT licence, Copyright (c) 2019 Open SDG',
    corrections: [
      "8.9.2 (en): the source's 'Proportion of jobs in sustainable tourism industries out of " +
        "total tourism jobs' is out of date; replaced by the current UN text 'Employed persons " +
        "in the tourism industries'.",
      '8.9.2 (ru, tk): the source translates the outdated English; omitted rather than ' +
        'translated here, so the title shows in English.',
      "8.1 (tk): the source says 'iň ösen' (most developed) where the original means 'least " +
        "developed'; corrected to 'iň az ösen'.",
      "Goal 8 short name (ru): the source's 'Достойна работа' is a typo; corrected to " +
        "'Достойная работа'.",
      'Russian titles: double spaces collapsed to one (8.4.1, 8.4.2, 8.8.2, 8.9.1, 8.10.1, ' +
        '8.10.2).',
    ],
  },
  languages: ['en', 'ru', 'tk'],
  // targets are what a plan covers; indicators stay linkable for results frameworks
  coverageKinds: ['target'],
  origin: 'builtin',
  items: [
    {
      code: '8',
      kind: 'goal',
      title: {
        en: 'Promote sustained, inclusive and sustainable economic growth, full and productive employment and decent work for all',
        ru: 'Содействие поступательному, всеохватному и устойчивому экономическому росту, полной и производительной занятости и достойной работе для всех',
        tk: 'Dowamly, öz içine alyjy we yzygiderli ykdysady ösüşi, doly we öndürijilikli işe we hemmeler üçin mynasyp işe goldaw beriň',
      },
    },
    {
      code: '8.1',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Sustain per capita economic growth in accordance with national circumstances and, in particular, at least 7 per cent gross domestic product growth per annum in the least developed countries',
        ru: 'Поддерживать экономический рост на душу населения в соответствии с национальными условиями и, в частности, рост валового внутреннего продукта на уровне не менее 7 процентов в год в наименее развитых странах',
        tk: 'Milli ýagdaýlara laýyklykda we adam başyna düşýän ykdysady ösüşi, esasanam iň az ösen ýurtlarda ýylda azyndan 7 göterim içerki önümiň ösüşi',
      },
    },
    {
      code: '8.1.1',
      kind: 'indicator',
      parent: '8.1',
      title: {
        en: 'Annual growth rate of real GDP per capita',
        ru: 'Ежегодные темпы роста реального ВВП на душу населения',
        tk: 'Adam başyna düşýän hakyky jemi içerki önümiň ýyllyk ösüş depgini',
      },
    },
    {
      code: '8.2',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Achieve higher levels of economic productivity through diversification, technological upgrading and innovation, including through a focus on high-value added and labour-intensive sectors',
        ru: 'Добиться повышения производительности в экономике посредством диверсификации, технической модернизации и инновационной деятельности, в том числе путем уделения особого внимания секторам с высокой добавленной стоимостью и трудоемким секторам',
        tk: 'Diwersifikasiýa, tehnologiki kämilleşdiriş we innowasiýa, şol sanda ýokary bahaly we köp zähmet talap edýän pudaklara ünsi jemlemek arkaly ykdysady öndürijiligiň has ýokary derejelerine ýetiň',
      },
    },
    {
      code: '8.2.1',
      kind: 'indicator',
      parent: '8.2',
      title: {
        en: 'Annual growth rate of real GDP per employed person',
        ru: 'Ежегодные темпы роста реального ВВП на каждого занятого',
        tk: 'Işleýän adama hakyky jemi içerki önümiň ýyllyk ösüş depgini',
      },
    },
    {
      code: '8.3',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Promote development-oriented policies that support productive activities, decent job creation, entrepreneurship, creativity and innovation, and encourage the formalization and growth of micro-, small- and medium-sized enterprises, including through access to financial services',
        ru: 'Содействовать проведению ориентированной на развитие политики, которая способствует производительной деятельности, созданию достойных рабочих мест, предпринимательству, творчеству и инновационной деятельности, и поощрять официальное признание и развитие микро-, малых и средних предприятий, в том числе посредством предоставления им доступа к финансовым услугам',
        tk: 'Önümçilikli çäreleri, mynasyp iş orunlaryny döretmegi, telekeçiligi, döredijiligi we innowasiýany goldaýan ösüşe gönükdirilen syýasatlary höweslendiriň we mikro, kiçi we orta kärhanalaryň resmileşdirilmegini we ösmegini höweslendiriň, şol sanda maliýe hyzmatlaryna girmek arkaly',
      },
    },
    {
      code: '8.3.1',
      kind: 'indicator',
      parent: '8.3',
      title: {
        en: 'Proportion of informal employment in total employment, by sector and sex',
        ru: 'Доля неформальной занятости от общей занятости в разбивке по сектору и полу',
        tk: 'Jemi işde, pudak we jyns taýdan resmi däl işleriň paýy',
      },
    },
    {
      code: '8.4',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Improve progressively, through 2030, global resource efficiency in consumption and production and endeavour to decouple economic growth from environmental degradation, in accordance with the 10‐Year Framework of Programmes on Sustainable Consumption and Production, with developed countries taking the lead',
        ru: 'На протяжении всего срока до конца 2030 года постепенно повышать глобальную эффективность использования ресурсов в системах потребления и производства и стремиться к тому, чтобы экономический рост не сопровождался ухудшением состояния окружающей среды, как это предусматривается Десятилетней стратегией действий по переходу к использованию рациональных моделей потребления и производства, причем первыми этим должны заняться развитые страны',
        tk: '2030-njy ýyla çenli sarp edişde we önümçilikde global çeşmeleriň netijeliligini kem-kemden gowulaşdyryň we durnukly sarp etmek we öndürmek boýunça meýilnamalaryň 10 ýyllyk çarçuwasyna laýyklykda ösen ýurtlar öňdebaryjy bolup, daşky gurşawyň zaýalanmagyndan ykdysady ösüşi çözmäge synanyşyň',
      },
    },
    {
      code: '8.4.1',
      kind: 'indicator',
      parent: '8.4',
      title: {
        en: 'Material footprint, material footprint per capita, and material footprint per GDP',
        ru: 'Совокупные ресурсозатраты, ресурсозатраты на душу населения и ресурсозатраты в процентном отношении к ВВП',
        tk: 'Maddy aýak yzy, adam başyna material aýak yzy we jemi içerki önüm üçin material aýak yzy',
      },
    },
    {
      code: '8.4.2',
      kind: 'indicator',
      parent: '8.4',
      title: {
        en: 'Domestic material consumption, domestic material consumption per capita, and domestic material consumption per GDP',
        ru: 'Совокупное внутреннее материальное потребление, внутреннее материальное потребление на душу населения и внутреннее материальное потребление в процентном отношении к ВВП',
        tk: 'Içerki material sarp edilişi, adam başyna içerki material sarp edilişi we jemi içerki önüm üçin içerki material sarp edilişi',
      },
    },
    {
      code: '8.5',
      kind: 'target',
      parent: '8',
      title: {
        en: 'By 2030, achieve full and productive employment and decent work for all women and men, including for young people and persons with disabilities, and equal pay for work of equal value',
        ru: 'К 2030 году обеспечить полную и производительную занятость и достойную работу для всех женщин и мужчин, в том числе молодых людей и инвалидов, и равную оплату за труд равной ценности',
        tk: '2030-njy ýyla çenli ähli aýallar we erkekler, şol sanda ýaşlar we maýyplar üçin doly we öndürijilikli işe we mynasyp işe ýetiň we deň bahaly iş üçin deň hak alyň',
      },
    },
    {
      code: '8.5.1',
      kind: 'indicator',
      parent: '8.5',
      title: {
        en: 'Average hourly earnings of employees, by sex, age, occupation and persons with disabilities',
        ru: 'Средний почасовой заработок женщин и мужчин в разбивке по роду занятий, возрасту и признаку инвалидности',
        tk: 'Işgärleriň jynsy, ýaşy, hünäri we maýyplar boýunça ortaça sagatlyk gazanjy',
      },
    },
    {
      code: '8.5.2',
      kind: 'indicator',
      parent: '8.5',
      title: {
        en: 'Unemployment rate, by sex, age and persons with disabilities',
        ru: 'Уровень безработицы в разбивке по полу, возрасту и признаку инвалидности',
        tk: 'Işsizlik derejesi, jyns, ýaş we maýyplar boýunça',
      },
    },
    {
      code: '8.6',
      kind: 'target',
      parent: '8',
      title: {
        en: 'By 2020, substantially reduce the proportion of youth not in employment, education or training',
        ru: 'К 2020 году существенно сократить долю молодежи, которая не работает, не учится и не приобретает профессиональных навыков',
        tk: '2020-nji ýyla çenli işde, bilimde ýa-da okuwda däl ýaşlaryň paýyny ep-esli azaldyň',
      },
    },
    {
      code: '8.6.1',
      kind: 'indicator',
      parent: '8.6',
      title: {
        en: 'Proportion of youth (aged 15–24 years) not in education, employment or training',
        ru: 'Доля молодежи (в возрасте от 15 до 24 лет), которая не учится, не работает и не приобретает профессиональных навыков',
        tk: 'Bilimde, işde ýa-da okuwda däl ýaşlaryň (15–24 ýaş aralygy)',
      },
    },
    {
      code: '8.7',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Take immediate and effective measures to eradicate forced labour, end modern slavery and human trafficking and secure the prohibition and elimination of the worst forms of child labour, including recruitment and use of child soldiers, and by 2025 end child labour in all its forms',
        ru: 'Принять срочные и эффективные меры для того, чтобы искоренить принудительный труд, покончить с современным рабством и торговлей людьми и обеспечить запрет и ликвидацию наихудших форм детского труда, включая вербовку и использование детей-солдат, а к 2025 году покончить с детским трудом во всех его формах',
        tk: 'Mejbury zähmeti ýok etmek, häzirki zaman gulçulygyny we adam söwdasyny ýok etmek we çaga esgerlerini işe almak we ulanmak ýaly çaga zähmetiniň iň erbet görnüşleriniň gadagan edilmegini we ýok edilmegini üpjün etmek we 2025-nji ýyla çenli ähli görnüşdäki çaga zähmetini bes etmek üçin gyssagly we täsirli çäreleri görüň',
      },
    },
    {
      code: '8.7.1',
      kind: 'indicator',
      parent: '8.7',
      title: {
        en: 'Proportion and number of children aged 5–17 years engaged in child labour, by sex and age',
        ru: 'Доля и число детей в возрасте от 5 до 17 лет, занятых детским трудом, в разбивке по полу и возрасту',
        tk: 'Jyns we ýaş boýunça çaga zähmeti bilen meşgullanýan 5–17 ýaş aralygyndaky çagalaryň paýy we sany',
      },
    },
    {
      code: '8.8',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Protect labour rights and promote safe and secure working environments for all workers, including migrant workers, in particular women migrants, and those in precarious employment',
        ru: 'Защищать трудовые права и содействовать обеспечению надежных и безопасных условий работы для всех трудящихся, включая трудящихся-мигрантов, особенно женщин-мигрантов, и лиц, не имеющих стабильной занятости',
        tk: 'Zähmet hukuklaryny goraň we ähli işçiler, şol sanda migrant işçiler, hususan-da aýal migrantlar we howply iş bilen meşgullanýanlar üçin howpsuz we howpsuz iş gurşawyny ösdüriň',
      },
    },
    {
      code: '8.8.1',
      kind: 'indicator',
      parent: '8.8',
      title: {
        en: 'Fatal and non-fatal occupational injuries per 100,000 workers, by sex and migrant status',
        ru: 'Производственный травматизм со смертельным и несмертельным исходом в разбивке по полу и миграционному статусу',
        tk: 'Jyns we migrant ýagdaýy boýunça 100,000 işçä ölüm we ölüm howply däl hünär şikesleri',
      },
    },
    {
      code: '8.8.2',
      kind: 'indicator',
      parent: '8.8',
      title: {
        en: 'Level of national compliance with labour rights (freedom of association and collective bargaining) based on International Labour Organization (ILO) textual sources and national legislation, by sex and migrant status',
        ru: 'Уровень соблюдения государством трудовых прав (свободы объединений и заключения коллективных трудовых договоров) на основе документальных источников Международной организации труда (МОТ) и национального законодательства в разбивке по полу и миграционному статусу',
        tk: 'Jyns we migrant statusy boýunça Halkara Zähmet Guramasynyň (ILO) tekst çeşmelerine we milli kanunçylyga esaslanýan zähmet hukuklaryna (birleşmek we köpçülikleýin şertnama) milli laýyklyk derejesi',
      },
    },
    {
      code: '8.9',
      kind: 'target',
      parent: '8',
      title: {
        en: 'By 2030, devise and implement policies to promote sustainable tourism that creates jobs and promotes local culture and products',
        ru: 'К 2030 году обеспечить разработку и осуществление стратегий поощрения устойчивого туризма, который способствует созданию рабочих мест, развитию местной культуры и производству местной продукции',
        tk: '2030-njy ýyla çenli iş orunlaryny döredýän we ýerli medeniýeti we önümleri ösdürýän durnukly syýahatçylygy ösdürmek üçin syýasaty işläp düzüň we durmuşa geçiriň',
      },
    },
    {
      code: '8.9.1',
      kind: 'indicator',
      parent: '8.9',
      title: {
        en: 'Tourism direct GDP as a proportion of total GDP and in growth rate',
        ru: 'Непосредственный вклад туризма в совокупный ВВП и в темпы роста',
        tk: 'Syýahatçylyk jemi içerki önümiň paýy we ösüş depgini hökmünde gönüden-göni jemi içerki önümi',
      },
    },
    {
      code: '8.9.2',
      kind: 'indicator',
      parent: '8.9',
      title: {
        // ru and tk omitted: their only source wording translates the outdated English (see corrections)
        en: 'Employed persons in the tourism industries',
      },
    },
    {
      code: '8.10',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Strengthen the capacity of domestic financial institutions to encourage and expand access to banking, insurance and financial services for all',
        ru: 'Укреплять способность национальных финансовых учреждений поощрять и расширять доступ к банковским, страховым и финансовым услугам для всех',
        tk: 'Içerki maliýe guramalarynyň hemmeler üçin bank, ätiýaçlandyryş we maliýe hyzmatlaryna elýeterliligi höweslendirmek we giňeltmek mümkinçiligini güýçlendiriň',
      },
    },
    {
      code: '8.10.1',
      kind: 'indicator',
      parent: '8.10',
      title: {
        en: '(a) Number of commercial bank branches per 100,000 adults and (b) number of automated teller machines (ATMs) per 100,000 adults',
        ru: 'Число a) филиалов коммерческих банков на 100 000 взрослых и b) банкоматов на 100 000 взрослых',
        tk: '(a) 100,000 ululara täjirçilik bank şahamçalarynyň sany we (b) 100,000 ululara awtomatlaşdyrylan bankomatlaryň sany (bankomatlar)',
      },
    },
    {
      code: '8.10.2',
      kind: 'indicator',
      parent: '8.10',
      title: {
        en: 'Proportion of adults (15 years and older) with an account at a bank or other financial institution or with a mobile-money-service provider',
        ru: 'Доля взрослых (15 лет и старше), имеющих счет в банке или ином финансовом учреждении или пользующихся услугами операторов мобильных финансовых услуг',
        tk: 'Ulylaryň (15 we ondan uly) bankda ýa-da beýleki maliýe edarasynda hasaby ýa-da ykjam pul-hyzmat üpjün edijisi bilen paýy',
      },
    },
    {
      code: '8.a',
      kind: 'target',
      parent: '8',
      title: {
        en: 'Increase Aid for Trade support for developing countries, in particular least developed countries, including through the Enhanced Integrated Framework for Trade-related Technical Assistance to Least Developed Countries',
        ru: 'Увеличить оказываемую в рамках инициативы «Помощь в торговле» поддержку развивающихся стран, особенно наименее развитых стран, в том числе по линии Расширенной комплексной рамочной программы для оказания технической помощи в области торговли наименее развитым странам',
        tk: 'Ösüp barýan ýurtlara, esasanam iň az ösen ýurtlara, şol sanda az ösen ýurtlara söwda bilen baglanyşykly tehniki kömek üçin ösen toplumlaýyn çarçuwanyň üsti bilen söwda goldawyny ýokarlandyryň',
      },
    },
    {
      code: '8.a.1',
      kind: 'indicator',
      parent: '8.a',
      title: {
        en: 'Aid for Trade commitments and disbursements',
        ru: 'Объем обязательств и выплат в рамках инициативы «Помощь в торговле»',
        tk: 'Söwda borçnamalaryna we töleglere kömek',
      },
    },
    {
      code: '8.b',
      kind: 'target',
      parent: '8',
      title: {
        en: 'By 2020, develop and operationalize a global strategy for youth employment and implement the Global Jobs Pact of the International Labour Organization',
        ru: 'К 2020 году разработать и ввести в действие глобальную стратегию обеспечения занятости молодежи и осуществить Глобальный пакт о рабочих местах Международной организации труда',
        tk: '2020-nji ýyla çenli ýaşlary işe almak üçin global strategiýany işläp düzüň we işlediň we Halkara Zähmet Guramasynyň Global Iş şertnamasyny durmuşa geçiriň',
      },
    },
    {
      code: '8.b.1',
      kind: 'indicator',
      parent: '8.b',
      title: {
        en: 'Existence of a developed and operationalized national strategy for youth employment, as a distinct strategy or as part of a national employment strategy',
        ru: 'Наличие разработанной и осуществляемой национальной стратегии молодежной занятости в качестве отдельной стратегии или в рамках национальной стратегии в области занятости',
        tk: 'Aýry-aýry strategiýa ýa-da milli iş strategiýasynyň bir bölegi hökmünde ýaşlary iş bilen üpjün etmek üçin işlenip düzülen we işlenip düzülen milli strategiýanyň bolmagy',
      },
    },
  ],
};
