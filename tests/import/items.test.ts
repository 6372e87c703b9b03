import { describe, expect, it } from 'vitest';
import { splitItems } from '../../src/import/items';

describe('splitItems', () => {
  it.each([
    { term: '四送', definition: '送政策、送技术、送资金、送服务。', items: ['送政策', '送技术', '送资金', '送服务'] },
    { term: '两问两登记', definition: '问从哪里来、问到哪里去；来访必登记、外出必登记。', items: ['问从哪里来', '问到哪里去', '来访必登记', '外出必登记'] },
    { term: '三重一大', definition: '重大决策、重要人事任免、重大项目安排、大额资金使用。', items: ['重大决策', '重要人事任免', '重大项目安排', '大额资金使用'] },
    { term: '两不愁三保障', definition: '不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。', items: ['不愁吃', '不愁穿', '义务教育', '基本医疗', '住房安全有保障'] },
    { term: '三大行动', definition: '县委全会明确，全面实施“清河道、建绿道、通村道”三大行动。', items: ['清河道', '建绿道', '通村道'] },
    { term: '三件实事', definition: '一是修好村道。二是建好卫生室。三是办好老年食堂。', items: ['修好村道', '建好卫生室', '办好老年食堂'] },
    { term: '两种情形', definition: '轻微违规要及时提醒,让红脸出汗成为常态；而严重违纪的只能是极少数。', items: ['轻微违规要及时提醒,让红脸出汗成为常态', '严重违纪的只能是极少数'] },
    { term: '三大功能', definition: '本县要强化物流集散功能、商贸服务功能、文旅休闲功能。', items: ['物流集散功能', '商贸服务功能', '文旅休闲功能'] },
    { term: '两闲土地', definition: '闲置未用、低效使用土地。', items: ['闲置未用', '低效使用'] },
    { term: '三会制度', definition: '即由居委会召集恳谈会、协调会和评议会，进行协商和监督。', items: ['恳谈会', '协调会', '评议会'] },
    { term: '总体要求', definition: '产业兴旺、生态宜居、乡风文明。', items: ['产业兴旺', '生态宜居', '乡风文明'] },
    { term: '三级', definition: '“三级”即省级、市级、县（市）级。', items: ['省级', '市级', '县（市）级'] },
    { term: '四问', definition: '“四问”是指问需、问计、问效、问责。', items: ['问需', '问计', '问效', '问责'] },
    // The count closing the list is not part of the last item.
    { term: '三大行动', definition: '指产业提升、城市更新、乡村振兴三大行动。', items: ['产业提升', '城市更新', '乡村振兴'] },
    { term: '四类园区', definition: '指农业园、工业园、物流园、文创园等4类园区。', items: ['农业园', '工业园', '物流园', '文创园'] },
    { term: '五件实事', definition: '指办好托育、助餐、助浴、助医、助行等这五件实事。', items: ['办好托育', '助餐', '助浴', '助医', '助行'] },
    { term: '三证整合', definition: '指营业执照、卫生许可证、排污许可证三个证件合并为一个。', items: ['营业执照', '卫生许可证', '排污许可证'] },
    // A clause before the first item that says who does what (the last such verb it holds).
    { term: '五治', definition: '在村里开展治厕、治垃圾、治房、治水、治风。', items: ['治厕', '治垃圾', '治房', '治水', '治风'] },
    { term: '三项机制', definition: '着力建立健全源头治理机制、举报奖励机制、督导督办机制。', items: ['源头治理机制', '举报奖励机制', '督导督办机制'] },
    // A clause before the first item, ending in 的.
    { term: '四条河流', definition: '穿城而过的清水河、白沙河、小溪河、东河。', items: ['清水河', '白沙河', '小溪河', '东河'] },
    { term: '三项费用', definition: '本级财政安排的差旅费、会议费、培训费。', items: ['差旅费', '会议费', '培训费'] },
  ])('$term → $items.length items', ({ term, definition, items }) => {
    expect(splitItems(term, definition)).toEqual(items);
  });

  it.each([
    { why: 'a sentence without a count', term: '农村相对集中居住', definition: '指把零散农户在自愿基础上集中到规划居住点，改善居住条件。' },
    { why: 'count does not fit', term: '六稳', definition: '稳就业、稳金融、稳外贸。' },
    { why: 'plan number, not a count', term: '十四五', definition: '第十四个五年规划、2021—2025年。' },
    { why: 'a measure, not a count', term: '15分钟服务圈', definition: '在15分钟步行范围内配置教育、卫生、养老、文化、体育等设施。' },
    { why: 'list inside a longer definition without a count', term: '家门口', definition: '指在居村层面打造的平台，提供党群、政务、生活服务。' },
  ])('no items: $why', ({ term, definition }) => {
    expect(splitItems(term, definition)).toBeUndefined();
  });
});

describe('splitItems on lists inside sentences', () => {
  it.each([
    { term: '三去一降一补', definition: '结构性改革的五大任务，指去产能、去库存、去杠杆、降成本、补短板。', items: ['去产能', '去库存', '去杠杆', '降成本', '补短板'] },
    { term: '五个攻坚行动', definition: '在深度贫困地区实施住房、产业、就业、教育、健康等攻坚行动。', items: ['住房', '产业', '就业', '教育', '健康'] },
    { term: '承包地三权分置', definition: '农村土地集体所有权、农户承包权、土地经营权“三权”分置并行。', items: ['农村土地集体所有权', '农户承包权', '土地经营权'] },
    // A 的 in every item is the items' own, not a clause before the first.
    { term: '三好工程', definition: '建设好的学校、好的医院、好的公园。', items: ['好的学校', '好的医院', '好的公园'] },
    // A number in the last item that is not the term's count stays.
    { term: '三项工程', definition: '建设新城区、改造老街区、新建12个公园。', items: ['建设新城区', '改造老街区', '新建12个公园'] },
    { term: '四好村', definition: '以住上好房子、过上好日子、养成好习惯、形成好风气为主要内容的示范村创建活动。', items: undefined },
    { term: '一核三治', definition: '以党组织为核心，自治、法治、德治相融合，各主体共建共享的治理机制。', items: undefined },
    { term: '一村一幼', definition: '为农村幼儿学习普通话、奠定义务教育阶段学习基础而实施的学前教育推进计划。以村为单位设立教学点。', items: undefined },
  ])('$term', ({ term, definition, items }) => {
    expect(splitItems(term, definition)).toEqual(items);
  });
});
