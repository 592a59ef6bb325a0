<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>HandoutsView</name>
    <message>
        <source> (product default)</source>
        <translation>（产品默认）</translation>
    </message>
    <message>
        <source>Handout</source>
        <translation>宣教资料</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>大字版</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>Infusion date</source>
        <translation>回输日期</translation>
    </message>
    <message>
        <source>Treating centre</source>
        <translation>治疗中心</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Leukapheresis date</source>
        <translation>白细胞单采日期</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Site preset</source>
        <translation>站点预设</translation>
    </message>
    <message>
        <source>body text 16 pt or more</source>
        <translation>正文16磅或更大</translation>
    </message>
    <message>
        <source>printed only, not saved</source>
        <translation>仅用于打印，不会保存</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional, recovery calendar)</source>
        <translation>YYYY-MM-DD（可选，用于康复日历）</translation>
    </message>
    <message>
        <source>Save site preset</source>
        <translation>保存站点预设</translation>
    </message>
    <message>
        <source>Load preset</source>
        <translation>载入预设</translation>
    </message>
    <message>
        <source>Logo…</source>
        <translation>标志…</translation>
    </message>
    <message>
        <source>Logo ✓</source>
        <translation>标志 ✓</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <source>all handouts, both languages</source>
        <translation>全部资料，中英文</translation>
    </message>
    <message>
        <source>Batch to folder…</source>
        <translation>批量输出到文件夹…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Unknown handout: %1</source>
        <translation>未知的宣教资料：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>not in the knowledge base yet: </source>
        <translation>知识库中暂无：</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存PDF</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Folder for the PDFs</source>
        <translation>PDF保存文件夹</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量输出</translation>
    </message>
    <message numerus="yes">
        <source>%n PDF(s) written</source>
        <translation>
            <numerusform>已生成 %n 个PDF</numerusform>
        </translation>
    </message>
    <message>
        <source>Type a name for the site preset first.</source>
        <translation>请先输入站点预设名称。</translation>
    </message>
    <message>
        <source>Site preset saved.</source>
        <translation>站点预设已保存。</translation>
    </message>
    <message>
        <source>No site preset with that name.</source>
        <translation>没有该名称的站点预设。</translation>
    </message>
    <message>
        <source>Logo image</source>
        <translation>标志图片</translation>
    </message>
    <message>
        <source>Calendar rules</source>
        <translation>日历依据的规定</translation>
    </message>
    <message>
        <source>Care-team contacts</source>
        <translation>医护团队联系方式</translation>
    </message>
    <message>
        <source>24-hour ward</source>
        <translation>24小时病房</translation>
    </message>
    <message>
        <source>label, e.g. clinic</source>
        <translation>名称，例如 门诊</translation>
    </message>
    <message>
        <source>number, e.g. +86 27 8366 0000</source>
        <translation>号码，例如 +86 27 8366 0000</translation>
    </message>
    <message>
        <source>Invisible text-direction characters were removed from a field.</source>
        <translation>已从输入中删除不可见的文字方向控制字符。</translation>
    </message>
    <message>
        <source>Not printable until corrected: %1</source>
        <translation>更正后才能打印：%1</translation>
    </message>
    <message>
        <source>The QR code dials: %1</source>
        <translation>二维码拨打：%1</translation>
    </message>
    <message>
        <source>Not drawn by any embedded font (prints blank): %1</source>
        <translation>内置字体无法显示（打印为空白）：%1</translation>
    </message>
</context>
</TS>
