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
        <source>CAR-T pro&amp;duct</source>
        <translation>CAR-T产品(&amp;D)</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <source>Calendar dates follow the r&amp;ules of</source>
        <translation>日历日期依据以下地区的规定(&amp;U)</translation>
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
    <message>
        <source>Each QR code dials the number beside it: %1</source>
        <translation>每个二维码拨打其旁边的号码：%1</translation>
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
        <source>Not drawn by any embedded font (prints blank): %1</source>
        <translation>内置字体无法显示（打印为空白）：%1</translation>
    </message>
    <message>
        <source>Ha&amp;ndout</source>
        <translation>宣教资料(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>纸张(&amp;P)</translation>
    </message>
    <message>
        <source>Large p&amp;rint</source>
        <translation>大字版(&amp;R)</translation>
    </message>
    <message>
        <source>Patient na&amp;me</source>
        <translation>患者姓名(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Infusion date</source>
        <translation>回输日期(&amp;I)</translation>
    </message>
    <message>
        <source>Leu&amp;kapheresis date</source>
        <translation>白细胞单采日期(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Treating centre</source>
        <translation>治疗中心(&amp;T)</translation>
    </message>
    <message>
        <source>Care-team &amp;contacts</source>
        <translation>医护团队联系方式(&amp;C)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Site pr&amp;eset</source>
        <translation>站点预设(&amp;E)</translation>
    </message>
    <message>
        <source>Copie&amp;s</source>
        <translation>份数(&amp;S)</translation>
    </message>
    <message>
        <source>Handout preview</source>
        <translation>宣教资料预览</translation>
    </message>
    <message>
        <source>Contact {0}: label</source>
        <translation>联系人 {0}：标签</translation>
    </message>
    <message>
        <source>Contact {0}: number</source>
        <translation>联系人 {0}：号码</translation>
    </message>
</context>
</TS>
